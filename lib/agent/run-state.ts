// Folds the event stream into steps. The agent's memory, the timeline and the trace all read this fold.
import type { ToolCall, TokenUsage } from '../models/types';
import type { InjectedFault } from '../tools/tool-faults';
import type { SandboxError, VariablesSnapshot } from '../sandbox/types';
import type { AgentEvent, AgentType, ForkRef, ParentRef, RunStatus, StepKind, StepSource, StepTiming } from './events';
import { addUsage, ZERO_USAGE } from '../models/usage';

export interface ToolCallState {
  callId: string;
  name: string;
  /** The MCP server whose tool it is. */
  server?: string;
  args: unknown;
  result?: unknown;
  error?: string;
  durationMs?: number;
  /** In a replayed step of a fork: what the parent run got, when this call answered differently. */
  recorded?: { result?: unknown; error?: string };
  /** Faults the host injected into this call (fault injection in the Tools tab). */
  injected?: InjectedFault[];
  done: boolean;
}

export interface StepState {
  /** Unique within the run: the agent run's key and the step number. */
  id: string;
  runKey: string;
  agent: string;
  parent?: ParentRef;
  index: number;
  kind: StepKind;
  /** In a fork: the model output was played from the parent run, or is the person's edit. */
  source?: StepSource;
  modelOutput: string;
  modelToolCalls?: ToolCall[];
  modelDone: boolean;
  modelMs?: number;
  /** Failed model calls that were tried again (rate limits, server errors). */
  retries?: { attempt: number; delayMs: number; reason: string }[];
  code?: string;
  toolCalls: ToolCallState[];
  logs: string;
  observation?: string;
  /** The sandbox session's variables after this step's code (CodeAgent steps that ran code). */
  variables?: VariablesSnapshot;
  error?: SandboxError;
  finalAnswer?: { value: unknown };
  usage?: TokenUsage;
  timing?: StepTiming;
  done: boolean;
  startedAt: number;
}

export interface AgentRunState {
  key: string;
  agent: string;
  parent?: ParentRef;
  runId: string;
  /** The task being worked on: the last of `tasks`. */
  task: string;
  /** Every task of the run in order, with the first step of its section (follow-ups add one each). */
  tasks: { task: string; fromStep: number }[];
  forkOf?: ForkRef;
  agentType: AgentType;
  systemPrompt: string;
  promptTemplates?: Partial<Record<'initialPlan' | 'updatePlan' | 'finalAnswer', string>>;
  /** A ToolCallingAgent whose model writes its tool calls in its text: its memory holds no native tool messages. */
  toolCallFormat?: 'text';
  maxSteps: number;
  model: string;
  sandbox: string;
  startedAt: string;
  status: RunStatus | 'running';
  finalAnswer?: { value: unknown };
  usage: TokenUsage;
  durationMs?: number;
  error?: { type: string; message: string };
}

export interface RunState {
  /** The top-level run first, then managed agents' runs in the order they started. */
  runs: AgentRunState[];
  /** Every step of every agent, in the order they started. */
  steps: StepState[];
}

export const EMPTY_RUN_STATE: RunState = { runs: [], steps: [] };

export function runKeyOf(agent: string, parent?: ParentRef): string {
  return parent ? `${parent.agent}#${parent.step}/${parent.callId}/${agent}` : agent;
}

export function stepsOfRun(state: RunState, runKey: string): StepState[] {
  return state.steps.filter((s) => s.runKey === runKey);
}

/** Returns a new state with the event applied; unchanged parts are shared, so React can compare cheaply. */
export function applyEvent(state: RunState, event: AgentEvent): RunState {
  const runKey = runKeyOf(event.agent, event.parent);
  if (event.type === 'run_start') {
    const run: AgentRunState = {
      key: runKey,
      agent: event.agent,
      parent: event.parent,
      runId: event.runId,
      task: event.task,
      tasks: [{ task: event.task, fromStep: 1 }],
      ...(event.forkOf ? { forkOf: event.forkOf } : {}),
      agentType: event.agentType,
      systemPrompt: event.systemPrompt,
      ...(event.promptTemplates ? { promptTemplates: event.promptTemplates } : {}),
      ...(event.toolCallFormat ? { toolCallFormat: event.toolCallFormat } : {}),
      maxSteps: event.maxSteps,
      model: event.model,
      sandbox: event.sandbox,
      startedAt: event.startedAt,
      status: 'running',
      usage: ZERO_USAGE,
    };
    return { ...state, runs: [...state.runs.filter((r) => r.key !== runKey), run] };
  }
  if (event.type === 'run_end') {
    return updateRun(state, runKey, (run) => ({
      ...run,
      status: event.status,
      finalAnswer: 'finalAnswer' in event && event.status !== 'error' && event.status !== 'aborted' ? { value: event.finalAnswer } : run.finalAnswer,
      usage: event.usage,
      durationMs: event.durationMs,
      error: event.error,
    }));
  }
  if (event.type === 'follow_up') {
    const fromStep = (state.steps.findLast((s) => s.runKey === runKey)?.index ?? 0) + 1;
    return updateRun(state, runKey, (run) => {
      const { finalAnswer: _answered, error: _failed, ...rest } = run;
      return { ...rest, task: event.task, tasks: [...run.tasks, { task: event.task, fromStep }], status: 'running' };
    });
  }
  if (event.type === 'step_start') {
    const step: StepState = {
      id: `${runKey}@${event.step}`,
      runKey,
      agent: event.agent,
      parent: event.parent,
      index: event.step,
      kind: event.kind,
      ...(event.source ? { source: event.source } : {}),
      modelOutput: '',
      modelDone: false,
      toolCalls: [],
      logs: '',
      done: false,
      startedAt: event.t,
    };
    return { ...state, steps: [...state.steps, step] };
  }
  return updateStep(state, `${runKey}@${event.step}`, (step) => applyStepEvent(step, event));
}

function applyStepEvent(step: StepState, event: AgentEvent): StepState {
  switch (event.type) {
    case 'model_delta':
      return { ...step, modelOutput: step.modelOutput + event.text };
    case 'model_retry':
      return { ...step, retries: [...(step.retries ?? []), { attempt: event.attempt, delayMs: event.delayMs, reason: event.reason }] };
    case 'model_end':
      return {
        ...step,
        modelOutput: event.text,
        modelToolCalls: event.toolCalls,
        modelDone: true,
        modelMs: event.durationMs,
        usage: event.usage,
      };
    case 'code':
      return { ...step, code: event.code };
    case 'tool_call_start':
      return {
        ...step,
        toolCalls: [
          ...step.toolCalls,
          { callId: event.callId, name: event.name, ...(event.server !== undefined ? { server: event.server } : {}), args: event.args, done: false },
        ],
      };
    case 'tool_call_end':
      return {
        ...step,
        toolCalls: step.toolCalls.map((c) =>
          c.callId === event.callId
            ? { ...c, result: event.result, error: event.error, durationMs: event.durationMs, ...(event.recorded ? { recorded: event.recorded } : {}), ...(event.injected ? { injected: event.injected } : {}), done: true }
            : c,
        ),
      };
    case 'log':
      return { ...step, logs: step.logs + event.text + '\n' };
    case 'observation':
      return { ...step, observation: event.text };
    case 'variables':
      return { ...step, variables: { names: event.variables, total: event.total } };
    case 'step_error':
      return { ...step, error: event.error };
    case 'final_answer':
      return { ...step, finalAnswer: { value: event.answer } };
    case 'step_end':
      return { ...step, usage: event.usage, timing: event.timing, done: true };
    default:
      return step;
  }
}

function updateRun(state: RunState, key: string, fn: (run: AgentRunState) => AgentRunState): RunState {
  const i = state.runs.findIndex((r) => r.key === key);
  if (i < 0) return state;
  const runs = state.runs.slice();
  runs[i] = fn(runs[i]!);
  return { ...state, runs };
}

function updateStep(state: RunState, id: string, fn: (step: StepState) => StepState): RunState {
  // The step being updated is almost always one of the last few: search from the end.
  for (let i = state.steps.length - 1; i >= 0; i--) {
    if (state.steps[i]!.id === id) {
      const steps = state.steps.slice();
      steps[i] = fn(steps[i]!);
      return { ...state, steps };
    }
  }
  return state;
}

export function foldEvents(events: Iterable<AgentEvent>): RunState {
  let state = EMPTY_RUN_STATE;
  for (const e of events) state = applyEvent(state, e);
  return state;
}

/** The step usage a run adds up to (all agents, managed ones included). */
export function totalUsage(state: RunState): TokenUsage {
  return state.steps.reduce((sum, s) => (s.usage ? addUsage(sum, s.usage) : sum), ZERO_USAGE);
}
