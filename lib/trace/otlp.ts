// A run as OpenTelemetry spans (OTLP/JSON), following the GenAI semantic conventions: an `invoke_agent` span
// per agent run, a span per step, a `chat` span per model call and an `execute_tool` span per tool call.
// Phoenix, Langfuse and Jaeger load it (file import or POST to an OTLP/HTTP endpoint's /v1/traces).
import type { AgentEvent } from '../agent/events';
import { modelInputForStep } from '../agent/memory';
import { foldEvents, runKeyOf } from '../agent/run-state';

export type OtlpValue = { stringValue: string } | { intValue: string } | { doubleValue: number } | { boolValue: boolean };
export interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** 1 internal, 3 client. */
  kind: 1 | 3;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpAttribute[];
  status: { code: 0 | 1 | 2; message?: string };
}
export interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { scope: { name: string; version: string }; spans: OtlpSpan[] }[];
  }[];
}

export interface OtlpOptions {
  serviceName?: string;
  /** Random hex ids by default; tests pass a counter. */
  randomHex?: (bytes: number) => string;
}

interface OpenSpan extends Omit<OtlpSpan, 'startTimeUnixNano' | 'endTimeUnixNano'> {
  startMs: number;
  endMs?: number;
}

export function otlpFromEvents(events: readonly AgentEvent[], options: OtlpOptions = {}): OtlpExport {
  const hex = options.randomHex ?? randomHex;
  const first = events.find((e) => e.type === 'run_start' && !e.parent);
  if (!first || first.type !== 'run_start') throw new Error('this run has no events yet');
  const epochMs = Date.parse(first.startedAt) || 0;
  const traceId = hex(16);
  const state = foldEvents(events);
  const spans: OpenSpan[] = [];
  const agentSpans = new Map<string, OpenSpan>();
  const stepSpans = new Map<string, OpenSpan>();
  const chatSpans = new Map<string, OpenSpan>();
  const codeSpans = new Map<string, OpenSpan>();
  const toolSpans = new Map<string, OpenSpan>();
  const lastT = events.at(-1)?.t ?? 0;

  const open = (name: string, kind: 1 | 3, parent: OpenSpan | undefined, startMs: number, attributes: OtlpAttribute[]): OpenSpan => {
    const span: OpenSpan = { traceId, spanId: hex(8), ...(parent ? { parentSpanId: parent.spanId } : {}), name, kind, startMs, attributes, status: { code: 0 } };
    spans.push(span);
    return span;
  };
  const close = (span: OpenSpan | undefined, t: number, error?: string) => {
    if (!span || span.endMs !== undefined) return;
    span.endMs = t;
    span.status = error ? { code: 2, message: error } : { code: 1 };
  };

  for (const e of events) {
    const runKey = runKeyOf(e.agent, e.parent);
    const stepKey = 'step' in e ? `${runKey}#${e.step}` : '';
    switch (e.type) {
      case 'run_start': {
        const caller = e.parent ? toolSpans.get(`${e.parent.agent}|${e.parent.callId}`) : undefined;
        const [provider, model] = splitModel(e.model);
        agentSpans.set(
          runKey,
          open(`invoke_agent ${e.agent}`, 1, caller, e.t, [
            str('gen_ai.operation.name', 'invoke_agent'),
            str('gen_ai.agent.name', e.agent),
            str('gen_ai.provider.name', provider),
            str('gen_ai.request.model', model),
            str('gen_ai.system_instructions', JSON.stringify([{ type: 'text', content: e.systemPrompt }])),
            str('agent_playground.agent.type', e.agentType),
            str('agent_playground.task', e.task),
            str('agent_playground.sandbox', e.sandbox),
            int('agent_playground.max_steps', e.maxSteps),
          ]),
        );
        break;
      }
      case 'step_start': {
        const step = open(`step ${e.step} (${e.kind})`, 1, agentSpans.get(runKey), e.t, [str('agent_playground.step.kind', e.kind), int('agent_playground.step.number', e.step)]);
        stepSpans.set(stepKey, step);
        const run = state.runs.find((r) => r.key === runKey);
        const [provider, model] = splitModel(run?.model ?? '');
        chatSpans.set(stepKey, open(`chat ${model}`, 3, step, e.t, [str('gen_ai.operation.name', 'chat'), str('gen_ai.provider.name', provider), str('gen_ai.request.model', model)]));
        break;
      }
      case 'model_end': {
        const chat = chatSpans.get(stepKey);
        if (chat) {
          chat.attributes.push(
            int('gen_ai.usage.input_tokens', e.usage.inputTokens),
            int('gen_ai.usage.output_tokens', e.usage.outputTokens),
            ...(e.usage.cachedInputTokens ? [int('gen_ai.usage.cache_read.input_tokens', e.usage.cachedInputTokens)] : []),
            ...(e.usage.estimated ? [bool('agent_playground.usage.estimated', true)] : []),
            str('gen_ai.output.messages', JSON.stringify([outputMessage(e.text, e.toolCalls)])),
          );
          const input = inputMessages(state, runKey, e.step);
          if (input) chat.attributes.push(str('gen_ai.input.messages', input));
        }
        close(chat, e.t);
        break;
      }
      case 'code':
        codeSpans.set(stepKey, open('execute_code', 1, stepSpans.get(stepKey), e.t, [str('agent_playground.code', e.code)]));
        break;
      case 'tool_call_start': {
        const parent = codeSpans.get(stepKey) ?? stepSpans.get(stepKey);
        toolSpans.set(
          `${e.agent}|${e.callId}`,
          open(`execute_tool ${e.name}`, 1, parent, e.t, [
            str('gen_ai.operation.name', 'execute_tool'),
            str('gen_ai.tool.name', e.name),
            str('gen_ai.tool.call.id', e.callId),
            str('gen_ai.tool.call.arguments', json(e.args)),
            ...(e.server !== undefined ? [str('gen_ai.tool.type', 'extension'), str('agent_playground.mcp.server', e.server)] : []),
          ]),
        );
        break;
      }
      case 'tool_call_end': {
        const span = toolSpans.get(`${e.agent}|${e.callId}`);
        if (span && e.result !== undefined) span.attributes.push(str('gen_ai.tool.call.result', json(e.result)));
        // Injected on purpose: a viewer must not mistake the fault for the tool's own failure.
        if (span && e.injected) span.attributes.push(str('agent_playground.fault.injected', e.injected.map((f) => f.kind).join(',')));
        close(span, e.t, e.error);
        break;
      }
      case 'step_error': {
        const chat = chatSpans.get(stepKey);
        if (chat && chat.endMs === undefined) close(chat, e.t, e.error.message);
        stepSpans.get(stepKey)?.attributes.push(str('error.type', e.error.type), str('agent_playground.error.message', e.error.message));
        break;
      }
      case 'final_answer':
        stepSpans.get(stepKey)?.attributes.push(str('agent_playground.final_answer', json(e.answer)));
        break;
      case 'step_end': {
        close(codeSpans.get(stepKey), e.t);
        close(chatSpans.get(stepKey), e.t);
        const step = stepSpans.get(stepKey);
        const error = step?.attributes.find((a) => a.key === 'agent_playground.error.message');
        close(step, e.t, error && 'stringValue' in error.value ? error.value.stringValue : undefined);
        break;
      }
      case 'run_end': {
        const span = agentSpans.get(runKey);
        if (span) {
          span.attributes.push(
            str('agent_playground.run.status', e.status),
            int('gen_ai.usage.input_tokens', e.usage.inputTokens),
            int('gen_ai.usage.output_tokens', e.usage.outputTokens),
            ...(e.finalAnswer !== undefined ? [str('agent_playground.final_answer', json(e.finalAnswer))] : []),
          );
        }
        close(span, e.t, e.status === 'error' || e.status === 'aborted' ? (e.error?.message ?? e.status) : undefined);
        break;
      }
    }
  }

  return {
    resourceSpans: [
      {
        resource: { attributes: [str('service.name', options.serviceName ?? 'agent-playground')] },
        scopeSpans: [
          {
            scope: { name: 'agent-playground', version: '1' },
            spans: spans.map(({ startMs, endMs, ...span }) => ({
              ...span,
              ...(endMs === undefined ? { status: { code: 2 as const, message: 'the run ended before this finished' } } : {}),
              startTimeUnixNano: nanos(epochMs + startMs),
              endTimeUnixNano: nanos(epochMs + (endMs ?? lastT)),
            })),
          },
        ],
      },
    ],
  };
}

function inputMessages(state: ReturnType<typeof foldEvents>, runKey: string, stepIndex: number): string | undefined {
  const run = state.runs.find((r) => r.key === runKey);
  const step = state.steps.find((s) => s.runKey === runKey && s.index === stepIndex);
  if (!run || !step) return undefined;
  return JSON.stringify(
    modelInputForStep(run, state.steps, step).map((m) =>
      m.role === 'tool'
        ? { role: 'tool', parts: [{ type: 'tool_call_response', id: m.toolCallId, response: m.content }] }
        : m.role === 'assistant' && m.toolCalls?.length
          ? outputMessage(m.content, m.toolCalls)
          : { role: m.role, parts: [{ type: 'text', content: m.content }] },
    ),
  );
}

function outputMessage(text: string, toolCalls?: { id: string; name: string; arguments: unknown }[]) {
  return {
    role: 'assistant',
    parts: [
      ...(text ? [{ type: 'text', content: text }] : []),
      ...(toolCalls ?? []).map((c) => ({ type: 'tool_call', id: c.id, name: c.name, arguments: c.arguments })),
    ],
  };
}

/** `openai:gpt-4.1` → [openai, gpt-4.1]; `replay` → [agent_playground.replay, replay]. */
function splitModel(id: string): [string, string] {
  const i = id.indexOf(':');
  return i > 0 ? [id.slice(0, i), id.slice(i + 1)] : [`agent_playground.${id || 'unknown'}`, id || 'unknown'];
}

function nanos(ms: number): string {
  return (BigInt(Math.round(ms)) * 1_000_000n).toString();
}

function json(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

const str = (key: string, value: string): OtlpAttribute => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): OtlpAttribute => ({ key, value: { intValue: String(Math.round(value)) } });
const bool = (key: string, value: boolean): OtlpAttribute => ({ key, value: { boolValue: value } });

function randomHex(bytes: number): string {
  const data = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(data);
  return [...data].map((b) => b.toString(16).padStart(2, '0')).join('');
}
