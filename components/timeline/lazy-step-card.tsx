'use client';
// The step card loads apart: its markdown renderer and code highlighter (react-markdown, acorn) are not needed before
// the first step of a run shows, so they stay out of the page's first load; the timeline preloads them when a run starts.
import { lazy, Suspense, type ComponentProps } from 'react';

let loading: Promise<typeof import('./step-card')> | undefined;

/** Starts loading the step card (once); a failed load is tried again on the next call. */
export function preloadStepCard(): Promise<typeof import('./step-card')> {
  loading ??= import('./step-card').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

const StepCardChunk = lazy(() => preloadStepCard().then((m) => ({ default: m.StepCard })));

export function LazyStepCard(props: ComponentProps<typeof StepCardChunk>) {
  return (
    <Suspense
      fallback={
        <p data-testid="step-loading" className="card muted p-3 text-sm">
          Step {props.step.index}…
        </p>
      }
    >
      <StepCardChunk {...props} />
    </Suspense>
  );
}
