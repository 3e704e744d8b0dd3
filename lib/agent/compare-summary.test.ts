import { describe, expect, it } from 'vitest';
import { js, playground, runToEnd } from '../test-support/playgrounds';
import { formatCompareTable, summarizeRun } from './compare-summary';
import { EMPTY_RUN_STATE, foldEvents } from './run-state';

describe('compare summary', () => {
  it('counts steps and tool calls and reports the final answer of a run', async () => {
    const pg = playground({ responses: [js('console.log(add(1, 2), add(3, 4));'), js('final_answer("done")')] });
    const { events } = await runToEnd(pg);
    const row = summarizeRun(foldEvents(events));
    expect(row.outcome).toBe('final answer');
    expect(row.detail).toBe('done');
    expect(row.steps).toBe(2);
    expect(row.toolCalls).toBeGreaterThanOrEqual(2);
    expect(row.inputTokens).toBeGreaterThan(0);
    expect(row.estimated).toBe(true);
    expect(row.cost).toBeUndefined();
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('says error, with the message, when the run failed', async () => {
    // A replay with no recorded turn left fails the model call: the run ends in error.
    const { events } = await runToEnd(playground({ responses: [] }));
    const row = summarizeRun(foldEvents(events));
    expect(row.outcome).toBe('error');
    expect(row.detail).toBeTruthy();
  });

  it('says not run for an empty state', () => {
    expect(summarizeRun(EMPTY_RUN_STATE).outcome).toBe('not run');
  });

  it('prints a padded table with one column per side', () => {
    const a = { outcome: 'final answer' as const, detail: '42', steps: 2, toolCalls: 3, inputTokens: 100, outputTokens: 20, estimated: false, cost: 0.0012, durationMs: 1500 };
    const b = { outcome: 'stopped' as const, steps: 1, toolCalls: 0, inputTokens: 50, outputTokens: 5, estimated: true };
    const table = formatCompareTable(['A: CodeAgent', 'B: ToolCallingAgent'], [a, b]);
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+A: CodeAgent\s+B: ToolCallingAgent$/);
    expect(table).toMatch(/Outcome\s+final answer: 42\s+stopped/);
    expect(table).toMatch(/Tokens in \/ out\s+100 \/ 20\s+50 \/ 5 \(estimated\)/);
    expect(table).toMatch(/Cost\s+\$0\.0012\s+—/);
    expect(table).toMatch(/Time\s+1\.5 s\s+—/);
  });
});
