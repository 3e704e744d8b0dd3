// The session's variables after every code step: an engine event, in the run state and the trace.
import { describe, expect, it } from 'vitest';
import { traceFromEvents } from '../trace/trace';
import { js, ofType, playground, runToEnd } from '../test-support/playgrounds';
import { foldEvents } from './run-state';

describe('variables after each step', () => {
  it('are reported after every code step: added, changed and deleted names, not the tools', async () => {
    const pg = playground({
      responses: [js('const a = add(1, 2);\nlet label = "sum";'), js('label = "total";\ndelete globalThis.a;\nconst more = [1, 2];'), js('final_answer(label)')],
    });
    const { events } = await runToEnd(pg);
    const snapshots = ofType(events, 'variables').map((e) => [e.step, Object.fromEntries(e.variables.map((v) => [v.name, v.preview]))]);
    expect(snapshots).toEqual([
      [1, { a: '3', label: '"sum"' }],
      [2, { label: '"total"', more: '[ 1, 2 ]' }],
      [3, { label: '"total"', more: '[ 1, 2 ]' }],
    ]);
    expect(foldEvents(events).steps[1]!.variables).toEqual({ names: expect.arrayContaining([expect.objectContaining({ name: 'more', type: 'Array', size: '2 items' })]), total: 2 });
    expect(traceFromEvents(pg, events).steps[0]!.variables?.names.map((v) => v.name)).toEqual(['a', 'label']);
  });

  it('a ToolCallingAgent run reports none', async () => {
    const pg = playground({
      agent: { type: 'tool-calling' },
      responses: [{ toolCalls: [{ name: 'add', arguments: { a: 1, b: 2 } }] }, { toolCalls: [{ name: 'final_answer', arguments: { answer: 3 } }] }],
    });
    const { events, end } = await runToEnd(pg);
    expect(end.finalAnswer).toBe(3);
    expect(ofType(events, 'variables')).toEqual([]);
  });
});
