// Tool calls from a CodeAgent's code as real models write them: named arguments mapped, bad calls explained.
import { describe, expect, it } from 'vitest';
import { js, ofType, playground, runToEnd } from '../test-support/playgrounds';

describe('tool calls from code in a run', () => {
  it('maps add({ a, b }), and a call missing an argument comes back to the model as a TypeError naming the signature', async () => {
    const pg = playground({
      responses: [js('console.log(add({ a: 1, b: 2 }))'), js('add(5)'), js('final_answer(add({ b: 40, a: 2 }))')],
    });
    const { events, end } = await runToEnd(pg);
    expect(end.finalAnswer).toBe(42);
    const observations = ofType(events, 'observation').map((o) => o.text);
    expect(observations[0]).toContain('3');
    const calls = ofType(events, 'tool_call_end');
    expect(calls.map((c) => c.error ?? c.result)).toEqual([3, 'add: missing required argument `b`. Its signature: add(a: number, b: number)', 42]);
    expect(ofType(events, 'step_error')[0]).toMatchObject({ step: 2, error: { type: 'TypeError', message: 'add: missing required argument `b`. Its signature: add(a: number, b: number)', line: 1 } });
  });

  it('runs an answer in smolagents’ <code> format', async () => {
    const { end } = await runToEnd(playground({ responses: ['Thought: done.\n<code>\nfinal_answer(add(2, 3))\n'] }));
    expect(end.finalAnswer).toBe(5);
  });
});
