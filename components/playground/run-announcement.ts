// What the screen-reader live region says about the run: one short sentence derived from the run store, so it changes
// only when the run does (started, a step finished, paused for a manual turn, finished / failed / stopped).
import type { RunState } from '@/lib/agent';
import { formatAnswer } from '../timeline/format';

/** Answers longer than this are cut (the summary on screen holds the whole answer). */
export const ANNOUNCED_ANSWER_CHARS = 120;

export interface AnnouncedRun {
  phase: 'idle' | 'running' | 'stopping';
  /** Set only for a run started in this page: a recorded run that is shown, or the page opening, says nothing. */
  runId?: string;
  state: RunState;
  startError?: string;
  /** The agent whose turn the person is asked to write (manual model), when one is waiting. */
  manualTurnAgent?: string;
}

export function runAnnouncement({ phase, runId, state, startError, manualTurnAgent }: AnnouncedRun): string {
  if (!runId) return '';
  const main = state.runs.find((r) => !r.parent);
  if (!main) {
    if (startError) return `Run failed: ${firstLine(startError)}`;
    return phase === 'idle' ? '' : 'Run started.';
  }
  const steps = state.steps.filter((s) => s.runKey === main.key);
  switch (main.status) {
    case 'success':
      return `Run finished. Final answer: ${answerText(main.finalAnswer?.value)}`;
    case 'max_steps':
      return `Run stopped at the step limit.${main.finalAnswer ? ` Final answer: ${answerText(main.finalAnswer.value)}` : ''}`;
    case 'error':
      return `Run failed: ${firstLine(main.error?.message ?? startError ?? 'unknown error')}`;
    case 'aborted':
      return 'Run stopped.';
  }
  if (phase === 'stopping') return 'Stopping the run…';
  if (manualTurnAgent !== undefined) {
    const who = manualTurnAgent === 'main' ? '' : ` for team member ${manualTurnAgent}`;
    return `Paused: step ${Math.max(1, steps.at(-1)?.index ?? 1)} waits for your turn as the model${who}.`;
  }
  const finished = steps.filter((s) => s.done).at(-1);
  if (!finished) {
    // Once the first step's model turn is in (e.g. the person sent it), the run is past "started".
    const first = steps[0];
    return first?.modelDone ? `Step ${first.index} running.` : 'Run started.';
  }
  if (finished.kind === 'planning') return 'Planning finished.';
  return `Step ${finished.index} finished${finished.error ? ' with an error' : ''}.`;
}

function firstLine(text: string): string {
  return clip(text.trim().split('\n')[0] ?? '');
}

function answerText(value: unknown): string {
  return clip(formatAnswer(value).replace(/\s+/g, ' ').trim());
}

function clip(text: string): string {
  return text.length > ANNOUNCED_ANSWER_CHARS ? `${text.slice(0, ANNOUNCED_ANSWER_CHARS - 1).trimEnd()}…` : text;
}
