// Turns what a snippet did into the observation text the model reads next.
import type { ExecutionResult } from '../sandbox/types';
import { truncateMiddle } from '../sandbox/truncate';

export const STATE_LOST_NOTE =
  'Note: the sandbox restarted, so every variable and function from earlier steps is gone. Define again what you need.';

export function buildObservation(result: ExecutionResult, maxChars: number): string {
  const parts: string[] = [];
  if (result.stateLost) parts.push(STATE_LOST_NOTE);
  if (result.logs) parts.push(`Execution logs:\n${result.logs.replace(/\n$/, '')}`);
  if (result.output !== undefined) parts.push(`Last output from code snippet:\n${result.output}`);
  if (result.cancelledTimers > 0) {
    parts.push(
      `Note: ${result.cancelledTimers} timer(s) were still pending when the code ended and were cancelled. Await what you need before the block ends.`,
    );
  }
  // A failed step shows only its error; a step that gave the final answer needs no observation.
  if (parts.length === 0) return result.error || result.finalAnswer ? '' : 'The code ran and printed nothing.';
  return truncateMiddle(parts.join('\n'), maxChars);
}
