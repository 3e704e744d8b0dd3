import { describe, expect, it } from 'vitest';
import { foldEvents, type AgentEvent, type AgentEventBody } from '@/lib/agent';
import { ZERO_USAGE } from '@/lib/models/usage';
import { ANNOUNCED_ANSWER_CHARS, nextAnnouncement, runAnnouncement as announce, type AnnouncedRun } from './run-announcement';

const runAnnouncement = (run: AnnouncedRun) => announce(run).text;

const TIMING = { modelMs: 1, executionMs: 1, totalMs: 2 };

function main(...bodies: AgentEventBody[]): AgentEvent[] {
  return bodies.map((b, t) => ({ ...b, agent: 'main', t }) as AgentEvent);
}

const START: AgentEventBody = {
  type: 'run_start',
  runId: 'r',
  task: 'Add.',
  agentType: 'code',
  maxSteps: 5,
  systemPrompt: '',
  startedAt: new Date(0).toISOString(),
  model: 'replay',
  sandbox: 'quickjs',
};
const step = (n: number): AgentEventBody[] => [
  { type: 'step_start', step: n, kind: 'action' },
  { type: 'step_end', step: n, usage: ZERO_USAGE, timing: TIMING },
];
const end = (status: 'success' | 'error' | 'aborted' | 'max_steps', extra: Partial<Extract<AgentEventBody, { type: 'run_end' }>> = {}): AgentEventBody => ({
  type: 'run_end',
  status,
  usage: ZERO_USAGE,
  durationMs: 5,
  ...extra,
});

const running = (events: AgentEvent[], extra: Partial<AnnouncedRun> = {}): AnnouncedRun => ({ phase: 'running', runId: 'run-1', state: foldEvents(events), ...extra });

describe('runAnnouncement', () => {
  it('says nothing when no run was started in this page (page load, a recorded run shown)', () => {
    expect(runAnnouncement({ phase: 'idle', state: foldEvents([]) })).toBe('');
    expect(runAnnouncement({ phase: 'idle', state: foldEvents(main(START, ...step(1), end('success', { finalAnswer: 3 }))) })).toBe('');
  });

  it('says the run started, before and after its first event', () => {
    expect(runAnnouncement(running([]))).toBe('Run started.');
    expect(runAnnouncement(running(main(START, { type: 'step_start', step: 1, kind: 'action' })))).toBe('Run started.');
  });

  it('never goes back: after a manual turn is sent, the step is running (not "started" or the step before again)', () => {
    const first = main(START, { type: 'step_start', step: 1, kind: 'action' });
    const paused = nextAnnouncement(undefined, running(first, { manualTurnAgent: 'main' }));
    expect(paused.text).toBe('Paused: step 1 waits for your turn as the model.');
    const resumed = nextAnnouncement(paused, running(first));
    expect(resumed.text).toBe('Step 1 running.');
    expect(nextAnnouncement(resumed, running(first))).toEqual(resumed);

    const second = main(START, ...step(1), { type: 'step_start', step: 2, kind: 'action' });
    const paused2 = nextAnnouncement(nextAnnouncement(resumed, running(second)), running(second, { manualTurnAgent: 'main' }));
    expect(paused2.text).toBe('Paused: step 2 waits for your turn as the model.');
    expect(nextAnnouncement(paused2, running(second)).text).toBe('Step 2 running.');
    expect(nextAnnouncement(paused2, running(main(START, ...step(1), ...step(2)))).text).toBe('Step 2 finished.');
  });

  it('starts afresh for the next run, and keeps an ended run’s outcome', () => {
    const ended = nextAnnouncement(undefined, running(main(START, ...step(1), end('aborted')), { phase: 'idle' }));
    expect(ended.text).toBe('Run stopped.');
    expect(nextAnnouncement(ended, running([], { runId: 'run-2' })).text).toBe('Run started.');
  });

  it('says which step finished, and whether with an error', () => {
    expect(runAnnouncement(running(main(START, ...step(1), { type: 'step_start', step: 2, kind: 'action' })))).toBe('Step 1 finished.');
    const failed = main(START, ...step(1), { type: 'step_start', step: 2, kind: 'action' }, { type: 'step_error', step: 2, error: { type: 'TypeError', message: 'x' } }, { type: 'step_end', step: 2, usage: ZERO_USAGE, timing: TIMING });
    expect(runAnnouncement(running(failed))).toBe('Step 2 finished with an error.');
  });

  it('says the run is paused while a manual turn waits, naming the step and a team member', () => {
    const events = main(START, ...step(1), { type: 'step_start', step: 2, kind: 'action' });
    expect(runAnnouncement(running(events, { manualTurnAgent: 'main' }))).toBe('Paused: step 2 waits for your turn as the model.');
    expect(runAnnouncement(running(events, { manualTurnAgent: 'researcher' }))).toBe('Paused: step 2 waits for your turn as the model for team member researcher.');
  });

  it('gives the final answer, cut to a short sentence', () => {
    expect(runAnnouncement(running(main(START, ...step(1), end('success', { finalAnswer: 'Cairo: 34 °C' })), { phase: 'idle' }))).toBe('Run finished. Final answer: Cairo: 34 °C');
    const long = 'word '.repeat(100);
    const said = runAnnouncement(running(main(START, ...step(1), end('success', { finalAnswer: long }))));
    expect(said.startsWith('Run finished. Final answer: word word')).toBe(true);
    expect(said.endsWith('…')).toBe(true);
    expect(said.length).toBeLessThanOrEqual('Run finished. Final answer: '.length + ANNOUNCED_ANSWER_CHARS);
    expect(runAnnouncement(running(main(START, ...step(1), end('success', { finalAnswer: { city: 'Oslo' } }))))).toBe('Run finished. Final answer: { "city": "Oslo" }');
  });

  it('gives the first line of the error of a failed run, and of a run that could not start', () => {
    const failed = main(START, end('error', { error: { type: 'ModelError', message: 'The key was refused (401).\nCheck it in Settings.' } }));
    expect(runAnnouncement(running(failed, { phase: 'idle' }))).toBe('Run failed: The key was refused (401).');
    expect(runAnnouncement({ phase: 'idle', runId: 'run-1', state: foldEvents([]), startError: 'Your tools source has 1 error.\nline 3' })).toBe('Run failed: Your tools source has 1 error.');
  });

  it('says stopping, then stopped', () => {
    expect(runAnnouncement(running(main(START, { type: 'step_start', step: 1, kind: 'action' }), { phase: 'stopping' }))).toBe('Stopping the run…');
    expect(runAnnouncement(running(main(START, end('aborted')), { phase: 'idle' }))).toBe('Run stopped.');
  });

  it('says the step limit was reached, with the answer asked for at the end', () => {
    expect(runAnnouncement(running(main(START, ...step(1), end('max_steps', { finalAnswer: 7 }))))).toBe('Run stopped at the step limit. Final answer: 7');
  });
});
