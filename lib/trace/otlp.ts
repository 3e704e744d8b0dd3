// A run as OpenTelemetry spans (OTLP/JSON), following the GenAI semantic conventions (1.45): an `invoke_agent` span
// per agent run, a `step <kind>` span per step, a `chat <model>` span per model call, `execute_code` per snippet and
// `execute_tool <tool>` per tool call. Phoenix, Langfuse and Jaeger read it; otlp-protobuf.ts gives the protobuf form.
import type { AgentEvent, RunToolInfo } from '../agent/events';
import { modelInputForStep } from '../agent/memory';
import { foldEvents, runKeyOf } from '../agent/run-state';
import type { ModelSettings } from '../playground/schema';

export type OtlpValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { boolValue: boolean }
  | { arrayValue: { values: OtlpValue[] } };
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
  /** The playground's model settings: request parameters (temperature, max tokens) and the server's address. */
  model?: ModelSettings;
  /** A managed agent's own model settings, by the agent's name. */
  agentModels?: Readonly<Record<string, ModelSettings | undefined>>;
  /** Where the models were called when their settings name no server (the CLI's --base-url for openai:<id> …). */
  baseURL?: string;
}

interface OpenSpan extends Omit<OtlpSpan, 'startTimeUnixNano' | 'endTimeUnixNano'> {
  startMs: number;
  endMs?: number;
}

/** Where each provider's API lives when the settings name no base URL. */
const PROVIDER_SERVERS: Record<string, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
};

/** Our provider ids as the GenAI registry names them (gen_ai.provider.name). */
const PROVIDER_NAMES: Record<string, string> = { openai: 'openai', anthropic: 'anthropic', google: 'gcp.gemini', 'openai-compatible': 'openai' };

export function otlpFromEvents(events: readonly AgentEvent[], options: OtlpOptions = {}): OtlpExport {
  const hex = options.randomHex ?? randomHex;
  const first = events.find((e) => e.type === 'run_start' && !e.parent);
  if (!first || first.type !== 'run_start') throw new Error('this run has no events yet');
  const epochMs = Date.parse(first.startedAt) || 0;
  const traceId = hex(16);
  const state = foldEvents(events);
  const spans: OpenSpan[] = [];
  const agentSpans = new Map<string, OpenSpan>();
  const runTools = new Map<string, Map<string, RunToolInfo>>();
  const runModels = new Map<string, ModelAttributes>();
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
  /** `error`: the failure's low-cardinality type (error.type) and its message (the status message). */
  const close = (span: OpenSpan | undefined, t: number, error?: { type: string; message: string }) => {
    if (!span || span.endMs !== undefined) return;
    span.endMs = t;
    if (error) {
      span.status = { code: 2, message: error.message };
      if (!span.attributes.some((a) => a.key === 'error.type')) span.attributes.push(str('error.type', error.type));
    } else span.status = { code: 1 };
  };

  for (const e of events) {
    const runKey = runKeyOf(e.agent, e.parent);
    const stepKey = 'step' in e ? `${runKey}#${e.step}` : '';
    const stepNumber = 'step' in e ? [int('agent_playground.step.number', e.step)] : [];
    switch (e.type) {
      case 'run_start': {
        const caller = e.parent ? toolSpans.get(`${e.parent.agent}|${e.parent.callId}`) : undefined;
        const model = modelAttributes(e.model, e.parent ? (options.agentModels?.[e.agent] ?? options.model) : options.model, options.baseURL);
        runModels.set(runKey, model);
        runTools.set(runKey, new Map((e.tools ?? []).map((t) => [t.name, t])));
        agentSpans.set(
          runKey,
          open(`invoke_agent ${e.agent}`, 1, caller, e.t, [
            str('gen_ai.operation.name', 'invoke_agent'),
            str('gen_ai.agent.name', e.agent),
            ...model.attributes,
            str('gen_ai.system_instructions', JSON.stringify([{ type: 'text', content: e.systemPrompt }])),
            str('gen_ai.input.messages', JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: e.task }] }])),
            str('agent_playground.agent.type', e.agentType),
            str('agent_playground.task', e.task),
            str('agent_playground.sandbox', e.sandbox),
            int('agent_playground.max_steps', e.maxSteps),
          ]),
        );
        break;
      }
      case 'step_start': {
        const step = open(`step ${e.kind}`, 1, agentSpans.get(runKey), e.t, [str('agent_playground.step.kind', e.kind), ...stepNumber]);
        stepSpans.set(stepKey, step);
        const model = runModels.get(runKey) ?? modelAttributes('', undefined);
        chatSpans.set(stepKey, open(`chat ${model.name}`, 3, step, e.t, [str('gen_ai.operation.name', 'chat'), ...model.attributes, ...stepNumber]));
        break;
      }
      case 'model_end': {
        const chat = chatSpans.get(stepKey);
        if (chat) {
          const finishReason = finishReasonOf(e.finishReason, e.toolCalls);
          chat.attributes.push(
            ...usageAttributes(e.usage),
            str('gen_ai.output.messages', JSON.stringify([outputMessage(e.text, e.toolCalls, finishReason)])),
            strings('gen_ai.response.finish_reasons', [finishReason]),
            ...(e.responseModel ? [str('gen_ai.response.model', e.responseModel)] : []),
            ...(e.responseId ? [str('gen_ai.response.id', e.responseId)] : []),
          );
          const input = inputMessages(state, runKey, e.step);
          if (input) chat.attributes.push(str('gen_ai.input.messages', input));
        }
        close(chat, e.t);
        break;
      }
      case 'code':
        codeSpans.set(stepKey, open('execute_code', 1, stepSpans.get(stepKey), e.t, [str('agent_playground.code', e.code), ...stepNumber]));
        break;
      case 'tool_call_start': {
        const parent = codeSpans.get(stepKey) ?? stepSpans.get(stepKey);
        const tool = runTools.get(runKey)?.get(e.name);
        toolSpans.set(
          `${e.agent}|${e.callId}`,
          open(`execute_tool ${e.name}`, 1, parent, e.t, [
            str('gen_ai.operation.name', 'execute_tool'),
            str('gen_ai.tool.name', e.name),
            ...(tool?.description ? [str('gen_ai.tool.description', tool.description)] : []),
            str('gen_ai.tool.call.id', e.callId),
            str('gen_ai.tool.call.arguments', json(namedArguments(e.args, tool))),
            str('gen_ai.tool.type', e.server !== undefined ? 'extension' : 'function'),
            ...(e.server !== undefined ? [str('agent_playground.mcp.server', e.server)] : []),
            ...stepNumber,
          ]),
        );
        break;
      }
      case 'tool_call_end': {
        const span = toolSpans.get(`${e.agent}|${e.callId}`);
        if (span && e.result !== undefined) span.attributes.push(str('gen_ai.tool.call.result', json(e.result)));
        // Injected on purpose: a viewer must not mistake the fault for the tool's own failure.
        if (span && e.injected) span.attributes.push(str('agent_playground.fault.injected', e.injected.map((f) => f.kind).join(',')));
        close(span, e.t, e.error !== undefined ? { type: errorTypeOf(e.error), message: e.error } : undefined);
        break;
      }
      case 'step_error': {
        const chat = chatSpans.get(stepKey);
        if (chat && chat.endMs === undefined) {
          // The model call itself failed: keep what it was sent, so the failure can be read in context.
          const input = inputMessages(state, runKey, e.step);
          if (input) chat.attributes.push(str('gen_ai.input.messages', input));
          close(chat, e.t, e.error);
        }
        // The snippet threw (or could not run): the code span failed, not only its step.
        close(codeSpans.get(stepKey), e.t, e.error);
        stepSpans.get(stepKey)?.attributes.push(str('error.type', e.error.type), str('agent_playground.error.message', e.error.message));
        break;
      }
      case 'final_answer':
        stepSpans.get(stepKey)?.attributes.push(str('agent_playground.final_answer', json(e.answer)));
        break;
      case 'step_end': {
        const chat = chatSpans.get(stepKey);
        if (chat && !chat.attributes.some((a) => a.key === 'gen_ai.usage.input_tokens')) chat.attributes.push(...usageAttributes(e.usage));
        close(codeSpans.get(stepKey), e.t);
        close(chat, e.t);
        const step = stepSpans.get(stepKey);
        const type = attributeText(step, 'error.type');
        close(step, e.t, type !== undefined ? { type, message: attributeText(step, 'agent_playground.error.message') ?? type } : undefined);
        break;
      }
      case 'run_end': {
        const span = agentSpans.get(runKey);
        if (span && span.endMs === undefined) {
          span.attributes.push(
            str('agent_playground.run.status', e.status),
            int('gen_ai.usage.input_tokens', e.usage.inputTokens),
            int('gen_ai.usage.output_tokens', e.usage.outputTokens),
            ...(e.finalAnswer !== undefined
              ? [
                  str('agent_playground.final_answer', json(e.finalAnswer)),
                  str('gen_ai.output.messages', JSON.stringify([outputMessage(json(e.finalAnswer), undefined, e.status === 'max_steps' ? 'length' : 'stop')])),
                ]
              : []),
          );
        }
        const failed = e.status === 'error' || e.status === 'aborted';
        close(span, e.t, failed ? { type: e.error?.type ?? e.status, message: e.error?.message ?? e.status } : undefined);
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

interface ModelAttributes {
  /** The model's name for span names (`chat gpt-4.1`). */
  name: string;
  attributes: OtlpAttribute[];
}

/** Provider, model, server address and request parameters for a run's model (`openai:gpt-4.1`, `replay` …). */
function modelAttributes(id: string, settings: ModelSettings | undefined, baseURL?: string): ModelAttributes {
  const i = id.indexOf(':');
  const provider = i > 0 ? id.slice(0, i) : '';
  const model = i > 0 ? id.slice(i + 1) : id || 'unknown';
  const name = PROVIDER_NAMES[provider] ?? `agent_playground.${provider || id || 'unknown'}`;
  const same = settings && 'model' in settings && settings.provider === provider ? settings : undefined;
  const known = PROVIDER_SERVERS[provider];
  const base = same && 'baseURL' in same ? same.baseURL : known && (baseURL ?? known);
  const server = base ? serverOf(base) : undefined;
  return {
    name: model,
    attributes: [
      str('gen_ai.provider.name', name),
      str('gen_ai.request.model', model),
      ...(server ? [str('server.address', server.address), int('server.port', server.port)] : []),
      ...(same?.temperature !== undefined ? [double('gen_ai.request.temperature', same.temperature)] : []),
      ...(same?.maxOutputTokens !== undefined ? [int('gen_ai.request.max_tokens', same.maxOutputTokens)] : []),
    ],
  };
}

function serverOf(base: string): { address: string; port: number } | undefined {
  try {
    const url = new URL(base);
    return { address: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443 };
  } catch {
    return undefined;
  }
}

function usageAttributes(usage: { inputTokens: number; outputTokens: number; cachedInputTokens?: number; estimated?: boolean }): OtlpAttribute[] {
  return [
    int('gen_ai.usage.input_tokens', usage.inputTokens),
    int('gen_ai.usage.output_tokens', usage.outputTokens),
    ...(usage.cachedInputTokens ? [int('gen_ai.usage.cache_read.input_tokens', usage.cachedInputTokens)] : []),
    ...(usage.estimated ? [bool('agent_playground.usage.estimated', true)] : []),
  ];
}

/** The GenAI conventions' finish reasons from the AI SDK's (`tool-calls`, `content-filter` …); `stop` when unknown. */
function finishReasonOf(reason: string | undefined, toolCalls: readonly unknown[] | undefined): string {
  if (reason === 'tool-calls') return 'tool_call';
  if (reason === 'content-filter') return 'content_filter';
  if (reason === 'length' || reason === 'stop' || reason === 'error') return reason;
  if (reason && reason !== 'other' && reason !== 'unknown') return reason.replaceAll('-', '_');
  return toolCalls?.length ? 'tool_call' : 'stop';
}

/** A CodeAgent calls tools positionally: name the arguments by the tool's parameters, as a tool-calling model would. */
function namedArguments(args: unknown, tool: RunToolInfo | undefined): unknown {
  if (!Array.isArray(args)) return args;
  const single: unknown = args[0];
  if (args.length === 1 && isPlainObject(single) && (tool?.objectArgument || !tool || tool.parameters.length === 0)) return single;
  if (!tool) return args;
  const named: Record<string, unknown> = {};
  args.forEach((value: unknown, index) => {
    named[tool.parameters[index] ?? `arg${index}`] = value;
  });
  return named;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `TypeError: …` → TypeError; any other tool failure → `tool_error` (error.type must stay low-cardinality). */
function errorTypeOf(message: string): string {
  return /^([A-Z][A-Za-z]*(?:Error|Exception))\b/.exec(message)?.[1] ?? 'tool_error';
}

function attributeText(span: OpenSpan | undefined, key: string): string | undefined {
  const value = span?.attributes.findLast((a) => a.key === key)?.value;
  return value && 'stringValue' in value ? value.stringValue : undefined;
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

function outputMessage(text: string, toolCalls?: { id: string; name: string; arguments: unknown }[], finishReason?: string) {
  return {
    role: 'assistant',
    ...(finishReason ? { finish_reason: finishReason } : {}),
    parts: [
      ...(text ? [{ type: 'text', content: text }] : []),
      ...(toolCalls ?? []).map((c) => ({ type: 'tool_call', id: c.id, name: c.name, arguments: c.arguments })),
    ],
  };
}

function nanos(ms: number): string {
  return (BigInt(Math.round(ms)) * 1_000_000n).toString();
}

function json(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

const str = (key: string, value: string): OtlpAttribute => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): OtlpAttribute => ({ key, value: { intValue: String(Math.round(value)) } });
const double = (key: string, value: number): OtlpAttribute => ({ key, value: { doubleValue: value } });
const strings = (key: string, values: string[]): OtlpAttribute => ({ key, value: { arrayValue: { values: values.map((v) => ({ stringValue: v })) } } });
const bool = (key: string, value: boolean): OtlpAttribute => ({ key, value: { boolValue: value } });

function randomHex(bytes: number): string {
  const data = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(data);
  return [...data].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The export options a playground gives: its model settings and its managed agents' own. */
export function otlpOptionsFor(doc: { model: ModelSettings; agent: { managedAgents: readonly { name: string; model?: ModelSettings }[] } }): OtlpOptions {
  return { model: doc.model, agentModels: Object.fromEntries(doc.agent.managedAgents.map((m) => [m.name, m.model])) };
}
