'use client';
// Why the step a link named is not shown (no such step, no run on screen, not a step number).
import { useStepFocusStore } from '@/lib/store/step-focus-store';
import { Notice } from '../ui/notice';

export function StepFocusProblem() {
  const problem = useStepFocusStore((s) => s.problem);
  const dismiss = useStepFocusStore((s) => s.dismissProblem);
  if (!problem) return null;
  return (
    <div className="mb-3">
      <Notice
        tone="warning"
        testId="step-link-problem"
        actions={
          <button type="button" className="btn-ghost text-xs" onClick={dismiss}>
            Dismiss
          </button>
        }
      >
        {problem}
      </Notice>
    </div>
  );
}
