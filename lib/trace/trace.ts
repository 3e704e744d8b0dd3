// A run exported as JSON: derived from its events, re-loadable, and replayable offline.
import { z } from 'zod';
import type { AgentEvent } from '../agent/events';
import { modelInputForStep } from '../agent/memory';
import { foldEvents, type RunState, type StepState } from '../agent/run-state';
import type { ChatMessage, TokenUsage, ToolCall } from '../models/types';
import { playgroundSchema, type Playground } from '../playground/schema';
import { agentEventSchema, injectedFaultSchema } from '../agent/event-schema';
import type { InjectedFault } from '../tools/tool-faults';
import type { ReplayResponse } from '../models/replay-model';
import { replayResponseOfStep } from '../models/replay-from-run';
import { formatOf } from '../playground/replay-edit';

export const TRACE_VERSION = 1;

export interface TraceToolCall {
  callId: string;
  name: string;
  args: unknown;
  result?: unknown;
  error?: string;
  durationMs: number;
  /** In a replayed step of a fork: what the run forked got from this call, when it answers differently now. */
  recorded?: { result?: unknown; error?: string };
  /** Faults injected into this call on purpose (the playground's tool faults). */
  injected?: InjectedFault[];
}

export interface TraceStep {
  index: number;
  type: 'planning' | 'action' | 'final';
  /** `main`, or the managed agent's name. */
  agent: string;
  /** For a managed agent's step: the manager's step that called it, and the call. */
  parentStep?: number;
  parentCallId?: string;
  /** In a fork: `recorded` for a step replayed from the run forked, `edited` for the step changed by hand. */
  source?: 'recorded' | 'edited';
  modelInput: ChatMessage[];
  modelOutput: string;
  modelToolCalls?: ToolCall[];
  code?: string;
  toolCalls: TraceToolCall[];
  logs: string;
  observation?: string;
  /** The sandbox session's variables after the step's code (name, type, preview, size), and how many there were. */
  variables?: { names: { name: string; type: string; preview: string; size?: string }[]; total: number };
  error?: { type: string; message: string; line?: number };
  finalAnswer?: unknown;
  usage?: TokenUsage;
  timing: { modelMs: number; executionMs: number; totalMs: number };
}

export interface Trace {
  version: 1;
  playground: Playground;
  state: 'success' | 'max_steps' | 'error' | 'aborted';
  finalAnswer?: unknown;
  error?: { type: string; message: string };
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens?: number; estimated?: boolean };
  durationMs: number;
  startedAt: string;
  model: string;
  sandbox: string;
  /** Every task of the run, with the first step of its section: follow-ups add one each. Absent in older traces. */
  tasks?: { task: string; fromStep: number }[];
  /** Set when the run is a fork of another run at one of its steps. */
  forkOf?: { runId: string; step: number };
  steps: TraceStep[];
  /**
   * The run's event log (streamed pieces left out): lets the app show the exact timeline again on import.
   * Optional, so traces without it still load (they replay, but show no timeline until run).
   */
  events?: AgentEvent[];
}

export function traceFromEvents(playground: Playground, events: readonly AgentEvent[]): Trace {
  return { ...traceFromRunState(playground, foldEvents(events)), events: events.filter((e) => e.type !== 'model_delta') };
}

export function traceFromRunState(playground: Playground, state: RunState): Trace {
  const main = state.runs.find((r) => !r.parent);
  if (!main) throw new Error('this run has no events yet');
  const steps = state.steps.map((s) => traceStep(state, s));
  return {
    version: TRACE_VERSION,
    playground,
    state: main.status === 'running' ? 'aborted' : main.status,
    ...(main.finalAnswer ? { finalAnswer: main.finalAnswer.value } : {}),
    ...(main.error ? { error: main.error } : {}),
    usage: main.usage,
    durationMs: main.durationMs ?? 0,
    startedAt: main.startedAt,
    model: main.model,
    sandbox: main.sandbox,
    tasks: main.tasks,
    ...(main.forkOf ? { forkOf: main.forkOf } : {}),
    steps,
  };
}

function traceStep(state: RunState, s: StepState): TraceStep {
  const run = state.runs.find((r) => r.key === s.runKey)!;
  return {
    index: s.index,
    type: s.kind,
    agent: s.agent,
    ...(s.parent ? { parentStep: s.parent.step, parentCallId: s.parent.callId } : {}),
    ...(s.source ? { source: s.source } : {}),
    modelInput: modelInputForStep(run, state.steps, s),
    modelOutput: s.modelOutput,
    ...(s.modelToolCalls ? { modelToolCalls: s.modelToolCalls } : {}),
    ...(s.code !== undefined ? { code: s.code } : {}),
    toolCalls: s.toolCalls.map((c) => ({
      callId: c.callId,
      name: c.name,
      args: c.args,
      ...(c.result !== undefined ? { result: c.result } : {}),
      ...(c.error !== undefined ? { error: c.error } : {}),
      durationMs: c.durationMs ?? 0,
      ...(c.recorded ? { recorded: c.recorded } : {}),
      ...(c.injected ? { injected: c.injected } : {}),
    })),
    logs: s.logs,
    ...(s.observation !== undefined ? { observation: s.observation } : {}),
    ...(s.variables ? { variables: s.variables } : {}),
    ...(s.error ? { error: s.error } : {}),
    ...(s.finalAnswer ? { finalAnswer: s.finalAnswer.value } : {}),
    ...(s.usage ? { usage: s.usage } : {}),
    timing: s.timing ?? { modelMs: s.modelMs ?? 0, executionMs: 0, totalMs: 0 },
  };
}

const usageSchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cachedInputTokens: z.number().optional(),
  estimated: z.boolean().optional(),
});

const messageSchema = z.union([
  z.object({ role: z.enum(['system', 'user']), content: z.string() }),
  z.object({
    role: z.literal('assistant'),
    content: z.string(),
    toolCalls: z.array(z.object({ id: z.string(), name: z.string(), arguments: z.unknown() })).optional(),
  }),
  z.object({ role: z.literal('tool'), toolCallId: z.string(), toolName: z.string(), content: z.string() }),
]);

export const traceSchema = z.object({
  version: z.literal(1),
  playground: playgroundSchema,
  state: z.enum(['success', 'max_steps', 'error', 'aborted']),
  finalAnswer: z.unknown().optional(),
  error: z.object({ type: z.string(), message: z.string() }).optional(),
  usage: usageSchema,
  durationMs: z.number(),
  startedAt: z.string(),
  model: z.string(),
  sandbox: z.string(),
  tasks: z.array(z.object({ task: z.string(), fromStep: z.number().int().min(1) })).optional(),
  forkOf: z.object({ runId: z.string(), step: z.number().int().min(1) }).optional(),
  steps: z.array(
    z.object({
      index: z.number().int(),
      type: z.enum(['planning', 'action', 'final']),
      agent: z.string(),
      parentStep: z.number().int().optional(),
      parentCallId: z.string().optional(),
      source: z.enum(['recorded', 'edited']).optional(),
      modelInput: z.array(messageSchema),
      modelOutput: z.string(),
      modelToolCalls: z.array(z.object({ id: z.string(), name: z.string(), arguments: z.unknown() })).optional(),
      code: z.string().optional(),
      toolCalls: z.array(
        z.object({
          callId: z.string(),
          name: z.string(),
          args: z.unknown(),
          result: z.unknown().optional(),
          error: z.string().optional(),
          durationMs: z.number(),
          recorded: z.object({ result: z.unknown().optional(), error: z.string().optional() }).optional(),
          injected: z.array(injectedFaultSchema).max(4).optional(),
        }),
      ),
      logs: z.string(),
      observation: z.string().optional(),
      variables: z
        .object({ names: z.array(z.object({ name: z.string(), type: z.string(), preview: z.string(), size: z.string().optional() })), total: z.number().int().nonnegative() })
        .optional(),
      error: z.object({ type: z.string(), message: z.string(), line: z.number().optional() }).optional(),
      finalAnswer: z.unknown().optional(),
      usage: usageSchema.optional(),
      timing: z.object({ modelMs: z.number(), executionMs: z.number(), totalMs: z.number() }),
    }),
  ),
  events: z.array(agentEventSchema).optional(),
});

/** Reads a trace file's JSON; throws with the path of each bad field. */
export function parseTrace(input: unknown): Trace {
  const result = traceSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(trace)'}: ${i.message}`);
    throw new Error(`not a valid trace:\n${lines.join('\n')}`);
  }
  return result.data as Trace;
}

/** The model's recorded turns, as replay responses: the main agent's, and each managed agent's (all its calls, in order). */
export function replayResponsesFromTrace(trace: Trace): { main: ReplayResponse[]; managed: Record<string, ReplayResponse[]> } {
  const main: ReplayResponse[] = [];
  const managed: Record<string, ReplayResponse[]> = {};
  for (const step of trace.steps) {
    const response = replayResponseOfStep(step);
    if (!response) continue;
    if (step.agent === 'main') main.push(response);
    else (managed[step.agent] ??= []).push(response);
  }
  return { main, managed };
}

/** The trace's playground set to replay the recorded run, offline and with no key. */
export function replayPlaygroundFromTrace(trace: Trace): Playground {
  const { main, managed } = replayResponsesFromTrace(trace);
  const pg = trace.playground;
  return {
    ...pg,
    model: { provider: 'replay', responses: main, delayMs: 0, ...formatOf(pg.model) },
    agent: {
      ...pg.agent,
      managedAgents: pg.agent.managedAgents.map((m) => ({
        ...m,
        model: { provider: 'replay', responses: managed[m.name] ?? [], delayMs: 0, ...formatOf(m.model ?? pg.model) },
      })),
    },
  } as Playground;
}
