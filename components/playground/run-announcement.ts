// What the screen-reader live region says about the run: one short sentence derived from the run store (started, a
// step finished, paused for a manual turn, finished / failed / stopped). It only ever moves forward within a run.
import type { RunState } from '@/lib/agent';
import { formatAnswer } from '../timeline/format';

/** Answers and errors longer than this are cut (the summary on screen holds them whole). */
export const ANNOUNCED_ANSWER_CHARS = 120;

export interface AnnouncedRun {
  phase: 'idle' | 'running' | 'stopping';
  /** Set only for a run started in this page: a recorded run that is shown, or the page opening, says nothing. */
  runId?: string;
  state: RunState;
  startError?: string;
  /** The agent whose turn the person is asked to write (manual model), when one is waiting. */
  manualTurnAgent?: string;
  /** Step through: the step the run paused after. */
  pausedStep?: number;
}

export interface Announcement {
  runId?: string;
  text: string;
  /** The step the text is about (0: none yet). */
  step: number;
  /** How far the run had got: started < a step running or paused < that step finished < the run ended. */
  progress: number;
}

const SILENT: Announcement = { text: '', step: 0, progress: 0 };
const ENDED = Number.MAX_SAFE_INTEGER;
const at = (step: number, stage: 0 | 1 | 2) => step * 3 + stage;

/** What to say now for `run`, given what was said last: the same run never goes back to an earlier stage. */
export function nextAnnouncement(previous: Announcement | undefined, run: AnnouncedRun): Announcement {
  const next = runAnnouncement(run);
  if (!previous || previous.runId !== next.runId || next.progress >= previous.progress) return next;
  // E.g. a manual turn was just sent: the pause is over but the step has not finished yet.
  if (previous.progress === ENDED) return previous;
  return { ...previous, text: `Step ${previous.step} running.` };
}

export function runAnnouncement({ phase, runId, state, startError, manualTurnAgent, pausedStep }: AnnouncedRun): Announcement {
  if (!runId) return SILENT;
  const say = (text: string, step: number, progress: number): Announcement => ({ runId, text, step, progress });
  const main = state.runs.find((r) => !r.parent);
  if (!main) {
    if (startError) return say(`Run failed: ${firstLine(startError)}`, 0, ENDED);
    return phase === 'idle' ? { ...SILENT, runId } : say('Run started.', 0, 0);
  }
  const steps = state.steps.filter((s) => s.runKey === main.key);
  const current = steps.at(-1)?.index ?? 0;
  switch (main.status) {
    case 'success':
      return say(`Run finished. Final answer: ${answerText(main.finalAnswer?.value)}`, current, ENDED);
    case 'max_steps':
      return say(`Run stopped at the step limit.${main.finalAnswer ? ` Final answer: ${answerText(main.finalAnswer.value)}` : ''}`, current, ENDED);
    case 'error':
      return say(`Run failed: ${firstLine(main.error?.message ?? startError ?? 'unknown error')}`, current, ENDED);
    case 'aborted':
      return say('Run stopped.', current, ENDED);
  }
  if (phase === 'stopping') return say('Stopping the run…', current, ENDED - 1);
  if (manualTurnAgent !== undefined) {
    const who = manualTurnAgent === 'main' ? '' : ` for team member ${manualTurnAgent}`;
    const step = Math.max(1, current);
    return say(`Paused: step ${step} waits for your turn as the model${who}.`, step, at(step, 1));
  }
  const finished = steps.filter((s) => s.done).at(-1);
  if (!finished) return say('Run started.', 0, 0);
  if (pausedStep !== undefined) return say(`Paused after step ${pausedStep}: Next step (F10) or Continue (F8).`, pausedStep, at(pausedStep, 2));
  const text = finished.kind === 'planning' ? 'Planning finished.' : `Step ${finished.index} finished${finished.error ? ' with an error' : ''}.`;
  return say(text, finished.index, at(finished.index, 2));
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
