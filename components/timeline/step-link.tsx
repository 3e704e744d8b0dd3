'use client';
// A link to one step of the run on screen (`#step=3`): following it scrolls there and opens the step.
import { stepHash } from '@/lib/share/hash-params';
import { useStepFocusStore } from '@/lib/store/step-focus-store';

export function StepLink({ step }: { step: number }) {
  const hash = `#${stepHash(step)}`;
  return (
    <a
      href={hash}
      aria-label={`Link to step ${step}`}
      title="A link to this step: the address names it, and opening the link shows it"
      data-testid="step-link"
      className="text-xs text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
      onClick={(e) => {
        // Following the same link twice fires no hashchange: show the step either way.
        e.preventDefault();
        history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
        useStepFocusStore.getState().focusStep(step);
      }}
    >
      Link
    </a>
  );
}
