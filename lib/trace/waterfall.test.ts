import { describe, expect, it } from 'vitest';
import type { AgentEvent, AgentEventBody } from '../agent/events';
import { js, playground, runToEnd } from '../test-support/playgrounds';
import { waterfallOf, type WaterfallRow } from './waterfall';

const USAGE = { inputTokens: 100, outputTokens: 20 };

/** Events at the given times, for the main agent unless a scope is given. */
function at(t: number, body: AgentEventBody, scope: Partial<Pick<AgentEvent, 'agent' | 'parent'>> = {}): AgentEvent {
  return { agent: 'main', ...scope, ...body, t } as AgentEvent;
}

const runStart = (t = 0, scope = {}) =>
  at(t, { type: 'run_start', runId: 'r', task: 'x', agentType: 'code', maxSteps: 5, systemPrompt: '', startedAt: '2026-12-01T00:00:00Z', model: 'm', sandbox: 'quickjs' }, scope);
const timing = { modelMs: 0, executionMs: 0, totalMs: 0 };

const bar = (rows: WaterfallRow[], label: string, part: string) => rows.find((r) => r.stepLabel === label && r.bars.some((b) => b.part === part))?.bars.find((b) => b.part === part);

describe('waterfallOf', () => {
  it('draws a run with a team member: the member’s steps nested under the call that started them, on the manager’s clock', async () => {
    const pg = playground({
      agent: {
        managedAgents: [
          {
            name: 'counter',
            description: 'Counts letters.',
            tools: ['word_length'],
            model: { provider: 'replay', responses: [js('const n = await word_length("abcdef");\nfinal_answer({ letters: n })')] },
          },
        ],
      },
      responses: [js('const report = await counter({ task: "count the letters" });\nconsole.log(add(report.letters, 1));'), js('final_answer(report.letters * 2)')],
    });
    const { events } = await runToEnd(pg);
    const { rows, totalMs } = waterfallOf(events);

    expect(rows.map((r) => [r.stepLabel, r.kind, r.depth, r.bars.map((b) => `${b.part}:${b.name}`).join(' ')])).toEqual([
      ['Step 1', 'step', 0, 'model:model call code:code'],
      ['Step 1', 'call', 0, 'member:counter'],
      ['counter · Step 1', 'step', 1, 'model:model call code:code'],
      ['counter · Step 1', 'call', 1, 'tool:word_length'],
      ['Step 1', 'call', 0, 'tool:add'],
      ['Step 2', 'step', 0, 'model:model call code:code'],
    ]);
    // Every row opens the top-level step it belongs to.
    expect(rows.map((r) => r.openStep)).toEqual([1, 1, 1, 1, 1, 2]);

    const member = bar(rows, 'Step 1', 'member')!;
    const code1 = bar(rows, 'Step 1', 'code')!;
    const memberModel = bar(rows, 'counter · Step 1', 'model')!;
    const memberTool = bar(rows, 'counter · Step 1', 'tool')!;
    const model2 = bar(rows, 'Step 2', 'model')!;
    // One axis: the member runs inside the manager's call, which runs inside the manager's code; step 2 comes after.
    expect(member.startMs).toBeGreaterThanOrEqual(code1.startMs);
    expect(memberModel.startMs).toBeGreaterThanOrEqual(member.startMs);
    expect(memberTool.startMs + memberTool.durationMs).toBeLessThanOrEqual(member.startMs + member.durationMs + 1);
    expect(model2.startMs).toBeGreaterThanOrEqual(code1.startMs + code1.durationMs - 1);
    expect(totalMs).toBeGreaterThanOrEqual(model2.startMs + model2.durationMs);
    // Tokens: the model call's own, and the member's whole run.
    expect(bar(rows, 'Step 1', 'model')!.usage?.inputTokens).toBeGreaterThan(0);
    expect(member.usage?.inputTokens).toBe(memberModel.usage?.inputTokens);
    expect(rows.flatMap((r) => r.bars).every((b) => b.status === 'ok' && b.durationMs >= 0 && b.startMs >= 0)).toBe(true);
  });

  it('places the model call, its first token, the code and each tool call at their offsets', () => {
    const { rows, totalMs } = waterfallOf([
      runStart(),
      at(10, { type: 'step_start', step: 1, kind: 'action' }),
      at(60, { type: 'model_delta', step: 1, text: 'Th' }),
      at(210, { type: 'model_end', step: 1, text: '', usage: USAGE, durationMs: 200, firstTokenMs: 45 }),
      at(212, { type: 'code', step: 1, code: 'x' }),
      at(220, { type: 'tool_call_start', step: 1, callId: 'c1', name: 'search', args: [] }),
      at(300, { type: 'tool_call_end', step: 1, callId: 'c1', name: 'search', result: 1, durationMs: 80 }),
      at(320, { type: 'step_end', step: 1, usage: USAGE, timing }),
      at(321, { type: 'run_end', status: 'success', usage: USAGE, durationMs: 321 }),
    ]);
    expect(rows[0]!.bars).toEqual([
      { id: 'main@1:model', part: 'model', name: 'model call', startMs: 10, durationMs: 200, firstTokenMs: 45, usage: USAGE, status: 'ok' },
      { id: 'main@1:code', part: 'code', name: 'code', startMs: 212, durationMs: 108, status: 'ok' },
    ]);
    expect(rows[1]!.bars).toEqual([{ id: 'main@1/c1:tool', part: 'tool', name: 'search', startMs: 220, durationMs: 80, status: 'ok' }]);
    expect(totalMs).toBe(321);
  });

  it('takes the first token from the streamed pieces when model_end does not say it (a run recorded before it did)', () => {
    const { rows } = waterfallOf([
      runStart(),
      at(0, { type: 'step_start', step: 1, kind: 'action' }),
      at(30, { type: 'model_delta', step: 1, text: 'a' }),
      at(40, { type: 'model_delta', step: 1, text: 'b' }),
      at(50, { type: 'model_end', step: 1, text: 'ab', usage: USAGE, durationMs: 50 }),
    ]);
    expect(rows[0]!.bars[0]!.firstTokenMs).toBe(30);
  });

  it('marks retries on the model call and errors on the part that failed', () => {
    const { rows } = waterfallOf([
      runStart(),
      at(0, { type: 'step_start', step: 1, kind: 'action' }),
      at(100, { type: 'model_retry', step: 1, attempt: 1, delayMs: 1000, reason: '429 rate limited' }),
      at(1300, { type: 'model_end', step: 1, text: '', usage: USAGE, durationMs: 1300 }),
      at(1301, { type: 'code', step: 1, code: 'explode("no")' }),
      at(1302, { type: 'tool_call_start', step: 1, callId: 'c1', name: 'explode', args: ['no'] }),
      at(1303, { type: 'tool_call_end', step: 1, callId: 'c1', name: 'explode', error: 'no', durationMs: 1 }),
      at(1304, { type: 'step_error', step: 1, error: { type: 'Error', message: 'no', line: 1 } }),
      at(1305, { type: 'step_end', step: 1, usage: USAGE, timing }),
      at(1306, { type: 'step_start', step: 2, kind: 'action' }),
      at(1400, { type: 'step_error', step: 2, error: { type: 'ModelError', message: '500 server error' } }),
      at(1400, { type: 'step_end', step: 2, usage: USAGE, timing }),
      at(1401, { type: 'step_start', step: 3, kind: 'action' }),
      at(1450, { type: 'model_end', step: 3, text: 'no code', usage: USAGE, durationMs: 49 }),
      at(1451, { type: 'step_error', step: 3, error: { type: 'FormatError', message: 'no code block' } }),
      at(1451, { type: 'step_end', step: 3, usage: USAGE, timing }),
      at(1500, { type: 'run_end', status: 'error', usage: USAGE, durationMs: 1500 }),
    ]);
    const model1 = bar(rows, 'Step 1', 'model')!;
    expect(model1).toMatchObject({ status: 'ok', retries: [{ attempt: 1, atMs: 100, delayMs: 1000, reason: '429 rate limited' }] });
    expect(bar(rows, 'Step 1', 'code')).toMatchObject({ status: 'error', error: 'Error: no' });
    expect(bar(rows, 'Step 1', 'tool')).toMatchObject({ status: 'error', error: 'no' });
    // The model call failed: its bar is the error, and it lasted until the step ended.
    expect(bar(rows, 'Step 2', 'model')).toMatchObject({ status: 'error', error: 'ModelError: 500 server error', startMs: 1306, durationMs: 94 });
    // An answer with no code: the model call is where it went wrong; there is no code bar.
    expect(rows.find((r) => r.stepLabel === 'Step 3')!.bars.map((b) => [b.part, b.status])).toEqual([['model', 'error']]);
  });

  it('draws a step with no timing (everything at one instant) as zero-length bars, and an interrupted step up to the stop', () => {
    const { rows, totalMs } = waterfallOf([
      runStart(),
      at(0, { type: 'step_start', step: 1, kind: 'action', source: 'recorded' }),
      at(0, { type: 'model_end', step: 1, text: '', usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 0 }),
      at(0, { type: 'code', step: 1, code: 'x' }),
      at(0, { type: 'step_end', step: 1, usage: USAGE, timing }),
      at(0, { type: 'step_start', step: 2, kind: 'action' }),
      at(0, { type: 'run_end', status: 'aborted', usage: USAGE, durationMs: 0 }),
    ]);
    expect(rows[0]!.bars.map((b) => [b.part, b.startMs, b.durationMs, b.status])).toEqual([
      ['model', 0, 0, 'ok'],
      ['code', 0, 0, 'ok'],
    ]);
    expect(rows[1]!.bars).toEqual([{ id: 'main@2:model', part: 'model', name: 'model call', startMs: 0, durationMs: 0, status: 'interrupted' }]);
    // The axis never has zero length (bars are drawn as shares of it).
    expect(totalMs).toBe(1);
  });

  it('shows the parts still going in a live run as running, up to the latest event', () => {
    const { rows } = waterfallOf([
      runStart(),
      at(0, { type: 'step_start', step: 1, kind: 'action' }),
      at(100, { type: 'model_end', step: 1, text: '', usage: USAGE, durationMs: 100 }),
      at(101, { type: 'code', step: 1, code: 'x' }),
      at(110, { type: 'tool_call_start', step: 1, callId: 'c1', name: 'slow', args: [] }),
      at(400, { type: 'log', step: 1, level: 'log', text: 'still going' }),
    ]);
    expect(bar(rows, 'Step 1', 'code')).toMatchObject({ status: 'running', startMs: 101, durationMs: 299 });
    expect(bar(rows, 'Step 1', 'tool')).toMatchObject({ status: 'running', startMs: 110, durationMs: 290 });
  });

  it('gives an empty waterfall for no events', () => {
    expect(waterfallOf([])).toEqual({ rows: [], totalMs: 1 });
  });
});
