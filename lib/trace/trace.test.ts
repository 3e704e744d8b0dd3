import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../playground/examples';
import { playground, runToEnd } from '../test-support/playgrounds';
import { otlpFromEvents } from './otlp';
import { parseTrace, replayPlaygroundFromTrace, traceFromEvents } from './trace';

describe('trace', () => {
  for (const example of EXAMPLES) {
    it(`of ${example.id}: survives JSON, loads back, and replays to the same answer`, async () => {
      const first = await runToEnd(example.playground);
      const trace = traceFromEvents(example.playground, first.events);
      const loaded = parseTrace(JSON.parse(JSON.stringify(trace)));
      expect(loaded.state).toBe('success');
      expect(loaded.finalAnswer).toEqual(first.end.finalAnswer);
      expect(loaded.steps.every((s) => s.modelInput[0]?.role === 'system')).toBe(true);
      const replay = await runToEnd(replayPlaygroundFromTrace(loaded));
      expect(replay.end.finalAnswer).toEqual(first.end.finalAnswer);
      expect(traceFromEvents(example.playground, replay.events).steps.map((s) => s.observation)).toEqual(loaded.steps.map((s) => s.observation));
    });
  }

  it('of a text tool call format run: holds its calls as tool calls, text-only model input, and replays the same way', async () => {
    const pg = playground({
      agent: { type: 'tool-calling' },
      model: {
        provider: 'replay',
        toolCallFormat: 'text',
        responses: ['```json\n{"name": "add", "arguments": {"a": 2, "b": 3}}\n```', '{"name": "final_answer", "arguments": {"answer": 5}}'],
      },
    });
    const first = await runToEnd(pg);
    const loaded = parseTrace(JSON.parse(JSON.stringify(traceFromEvents(pg, first.events))));
    expect(loaded.steps[0]!.toolCalls).toEqual([expect.objectContaining({ name: 'add', args: { a: 2, b: 3 }, result: 5 })]);
    expect(loaded.steps[1]!.modelInput.some((m) => m.role === 'tool')).toBe(false);
    expect(loaded.steps[1]!.modelInput.at(-1)).toMatchObject({ role: 'user', content: expect.stringContaining('add: 5') });
    const again = replayPlaygroundFromTrace(loaded);
    expect(again.model.toolCallFormat).toBe('text');
    const replay = await runToEnd(again);
    expect(replay.end.finalAnswer).toBe(5);
  });

  it('puts a managed agent’s steps under the manager’s calling step', async () => {
    const example = EXAMPLES.find((e) => e.playground.agent.managedAgents.length > 0)!;
    const { events } = await runToEnd(example.playground);
    const trace = traceFromEvents(example.playground, events);
    const sub = trace.steps.filter((s) => s.agent !== 'main');
    expect(sub.length).toBeGreaterThan(0);
    expect(sub.every((s) => s.parentStep === 1 && typeof s.parentCallId === 'string')).toBe(true);
  });

  it('marks an injected fault on its tool call, in the trace and in its OpenTelemetry span', async () => {
    const example = EXAMPLES.find((e) => e.id === 'tool-fault-retry')!;
    const { events } = await runToEnd(example.playground);
    const trace = parseTrace(JSON.parse(JSON.stringify(traceFromEvents(example.playground, events))));
    const calls = trace.steps.flatMap((s) => s.toolCalls);
    expect(calls.filter((c) => c.injected)).toEqual([expect.objectContaining({ name: 'get_weather', injected: [{ kind: 'fail', message: expect.stringMatching(/503/) }] })]);
    const spans = otlpFromEvents(events).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const marked = spans.filter((s) => s.attributes.some((a) => a.key === 'agent_playground.fault.injected'));
    expect(marked.map((s) => s.name)).toEqual(['execute_tool get_weather']);
  });

  it('refuses a malformed trace naming the bad field', () => {
    expect(() => parseTrace({ version: 1, state: 'won' })).toThrow(/state/);
  });
});
