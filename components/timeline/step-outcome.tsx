// How a step ended, as a step card shows it: its error (with the line) and its final answer. Shared by the playground's
// step cards and the embed's read-only ones.
import { describeError } from '@/lib/agent/memory';
import type { StepState } from '@/lib/agent/run-state';
import { formatAnswer } from './format';

export function StepOutcome({ step }: { step: Pick<StepState, 'error' | 'finalAnswer'> }) {
  return (
    <>
      {step.error && (
        <p data-testid="step-error" role="note" className="rounded-md border border-red-300 bg-red-50 px-2 py-1 font-mono text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {describeError(step.error)}
        </p>
      )}
      {step.finalAnswer && (
        <p className="text-sm">
          <span className="font-semibold">Final answer: </span>
          <span data-testid="step-final-answer" className="whitespace-pre-wrap">
            {formatAnswer(step.finalAnswer.value)}
          </span>
        </p>
      )}
    </>
  );
}
