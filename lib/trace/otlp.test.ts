import { describe, expect, it } from 'vitest';
import { EXAMPLES, findExample } from '../playground/examples';
import { runToEnd } from '../test-support/playgrounds';
import { otlpFromEvents, type OtlpSpan } from './otlp';

const attr = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value && ('stringValue' in value ? value.stringValue : 'intValue' in value ? Number(value.intValue) : undefined);
};

describe('OpenTelemetry export', () => {
  it('gives an agent span, step spans, chat spans with tokens and tool spans, nested and timed consistently', async () => {
    const { events } = await runToEnd(EXAMPLES[0]!.playground);
    let n = 0;
    const otlp = otlpFromEvents(events, { randomHex: (bytes) => (++n).toString(16).padStart(bytes * 2, '0') });
    const spans = otlp.resourceSpans[0]!.scopeSpans[0]!.spans;
    const byId = new Map(spans.map((s) => [s.spanId, s]));

    const agent = spans.filter((s) => s.name === 'invoke_agent main');
    expect(agent).toHaveLength(1);
    expect(agent[0]!.parentSpanId).toBeUndefined();
    expect(attr(agent[0]!, 'gen_ai.operation.name')).toBe('invoke_agent');

    const chats = spans.filter((s) => attr(s, 'gen_ai.operation.name') === 'chat');
    const steps = events.filter((e) => e.type === 'step_start');
    expect(chats).toHaveLength(steps.length);
    const inputTokens = events.filter((e) => e.type === 'model_end').map((e) => (e.type === 'model_end' ? e.usage.inputTokens : 0));
    expect(chats.map((c) => attr(c, 'gen_ai.usage.input_tokens'))).toEqual(inputTokens);
    expect(JSON.parse(attr(chats[1]!, 'gen_ai.input.messages') as string)[0].role).toBe('system');

    const tools = spans.filter((s) => attr(s, 'gen_ai.operation.name') === 'execute_tool');
    expect(tools).toHaveLength(events.filter((e) => e.type === 'tool_call_end').length);
    expect(tools.every((t) => byId.get(t.parentSpanId!)?.name === 'execute_code')).toBe(true);

    for (const span of spans) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(span.startTimeUnixNano));
      expect(span.status.code).toBe(1);
      if (span.parentSpanId) {
        const parent = byId.get(span.parentSpanId)!;
        expect(BigInt(span.startTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(parent.startTimeUnixNano));
        expect(BigInt(span.endTimeUnixNano)).toBeLessThanOrEqual(BigInt(parent.endTimeUnixNano));
      }
    }
  });

  it('hangs a managed agent under the tool call that started it', async () => {
    const { events } = await runToEnd(findExample('library-team')!.playground);
    const spans = otlpFromEvents(events).resourceSpans[0]!.scopeSpans[0]!.spans;
    const managed = spans.find((s) => s.name.startsWith('invoke_agent ') && s.name !== 'invoke_agent main')!;
    const caller = spans.find((s) => s.spanId === managed.parentSpanId)!;
    expect(caller.name).toBe(`execute_tool ${managed.name.replace('invoke_agent ', '')}`);
  });
});
