// The agent loop: think (model call), act (code in the sandbox or tool calls), observe, repeat.
import { createFaultPlan } from '../tools/tool-faults';
import type { ModelRequest, ModelResponse, TokenUsage } from '../models/types';
import { ZERO_USAGE } from '../models/usage';
import type { Executor, HostTool } from '../sandbox/types';
import { createChannel } from './channel';
import type { AgentEvent, AgentEventBody, RunToolInfo, RunStatus, StepKind } from './events';
import { modelInputForStep } from './memory';
import { MANAGED_AGENT_ADDITIONAL_ARGS, MANAGED_AGENT_TASK_PROMPT } from './prompts/managed-agent';
import { renderTemplate } from './prompts/render-template';
import { applyEvent, EMPTY_RUN_STATE, runKeyOf, totalUsage, type RunState, type StepState } from './run-state';
import { buildSystemPrompt, managedAgentSchema, renderToolsForTextFormat } from './system-prompt';
import { runCodeAction } from './code-action';
import { runToolCallingAction } from './tool-calling-action';
import { parseTextToolCalls } from './parse-text-tool-calls';
import { isAbort, abortReason } from './abort';
import type { Agent, AgentOptions, AgentTools, ManagedAgent, ManagedAgentContext, RecordedStep, RunOptions } from './agent-types';
import { describeFailure, type StepContext } from './step-context';

export type { Agent, AgentOptions, AgentTools, FinalAnswerCheck, ForkPrefix, ManagedAgent, ManagedAgentContext, RecordedStep, RunOptions } from './agent-types';
export { checkFinalAnswer, describeFailure, type StepContext } from './step-context';


const CODE_STOP_SEQUENCES = ['Observation:', 'Calling tools:'];

export function createAgent(options: AgentOptions): Agent {
  const name = options.name ?? 'main';
  const managed = options.managedAgents ?? [];
  const textCalls = options.type === 'tool-calling' && options.toolCallFormat === 'text';
  const toolsPrompt = () =>
    options.type === 'code'
      ? options.tools.codePrompt
      : textCalls
        ? renderToolsForTextFormat(options.tools.schemas)
        : options.tools.listPrompt;
  const systemPrompt = () =>
    buildSystemPrompt(options.type, {
      tools: toolsPrompt(),
      managedAgents: managed,
      instructions: options.instructions,
      ...(options.tools.mcpToolNames ? { mcpToolNames: options.tools.mcpToolNames } : {}),
      ...(options.templates ? { templates: options.templates } : {}),
      ...(options.packages ? { packages: options.packages } : {}),
    });
  const { initialPlan, updatePlan, finalAnswer } = options.templates ?? {};
  const stepTemplates = Object.fromEntries(
    Object.entries({ initialPlan, updatePlan, finalAnswer }).filter(([, text]) => text !== undefined),
  ) as Partial<Record<'initialPlan' | 'updatePlan' | 'finalAnswer', string>>;

  function run(firstTask: string, runOptions: RunOptions = {}): AsyncIterable<AgentEvent> {
    const channel = createChannel<AgentEvent>();
    const signal = runOptions.signal ?? new AbortController().signal;
    const t0 = runOptions.t0 ?? performance.now();
    const scope = { agent: name, ...(runOptions.parent ? { parent: runOptions.parent } : {}) };
    const runKey = runKeyOf(name, runOptions.parent);
    let state: RunState = EMPTY_RUN_STATE;

    /** Every event, own or a managed agent's, goes through here: into our state and out to the consumer. */
    const forward = (event: AgentEvent) => {
      state = applyEvent(state, event);
      runOptions.onEvent?.(event);
      channel.push(event);
    };
    const emit = (body: AgentEventBody) => forward({ ...body, ...scope, t: Math.round(performance.now() - t0) } as AgentEvent);
    let currentStep = 0;

    const hostTools: HostTool[] = [
      ...managed.map((m) => ({
        name: m.name,
        call: (args: unknown[], ctx: { signal: AbortSignal; callId: string }) =>
          callManagedAgent(m, args[0], { signal: ctx.signal, t0, emit: forward, parent: { agent: name, step: currentStep, callId: ctx.callId } }),
      })),
      ...(options.hostTools ?? []),
    ];

    const loop = async () => {
      let executor: Executor | undefined;
      let setupError: unknown;
      try {
        executor = options.createExecutor(hostTools);
      } catch (error) {
        setupError = error;
      }
      const ctx: StepContext | undefined = executor
        ? { options, executor, signal, emit, state: () => state, runKey, managed, hostTools, t0, forward, fork: runOptions.fork, faultPlan: createFaultPlan(options.faults) }
        : undefined;
      let started = false;
      let task = firstTask;
      try {
        for (;;) {
          const taskStart = performance.now();
          let status: RunStatus = 'error';
          let finalAnswer: { value: unknown } | undefined;
          let failure: { type: string; message: string } | undefined;
          try {
            if (!started) {
              emit({
                type: 'run_start',
                runId: randomId(),
                task,
                agentType: options.type,
                maxSteps: options.maxSteps,
                systemPrompt: systemPrompt(),
                ...(Object.keys(stepTemplates).length ? { promptTemplates: stepTemplates } : {}),
                startedAt: new Date().toISOString(),
                model: options.model.id,
                sandbox: executor?.kind ?? 'unavailable',
                ...(runOptions.fork ? { forkOf: runOptions.fork.of } : {}),
                ...(textCalls ? { toolCallFormat: 'text' as const } : {}),
                tools: runToolInfo(options.tools, managed),
              });
              if (!ctx) throw setupError;
              await ctx.executor.start();
              started = true;
            }
            ({ status, finalAnswer } = await runTask(ctx!));
          } catch (error) {
            if (isAbort(error, signal)) {
              status = 'aborted';
              failure = { type: 'AbortError', message: abortReason(signal) };
            } else {
              status = 'error';
              failure = describeFailure(error);
            }
          }
          emit({
            type: 'run_end',
            status,
            ...(finalAnswer && (status === 'success' || status === 'max_steps') ? { finalAnswer: finalAnswer.value } : {}),
            usage: totalUsage(state),
            durationMs: Math.round(performance.now() - taskStart),
            ...(failure ? { error: failure } : {}),
          });
          if (!started || status === 'aborted' || !runOptions.nextTask) break;
          const next = await untilAborted(runOptions.nextTask(), signal);
          if (next === undefined || signal.aborted) break;
          emit({ type: 'follow_up', task: next });
          task = next;
        }
      } finally {
        executor?.dispose();
      }
    };

    /** The steps of one task: actions (with planning every N) until a final answer, else the max-steps answer. */
    const runTask = async (ctx: StepContext): Promise<{ status: RunStatus; finalAnswer?: { value: unknown } }> => {
      let actions = 0;
      let finalAnswer: { value: unknown } | undefined;
      const pause = async () => {
        if (runOptions.pauseAfterStep) await untilAborted(runOptions.pauseAfterStep({ step: currentStep }), signal);
        signal.throwIfAborted();
      };
      while (actions < options.maxSteps && !finalAnswer) {
        signal.throwIfAborted();
        const interval = options.planningInterval;
        if (interval && actions % interval === 0) {
          currentStep++;
          await runStep(ctx, currentStep, 'planning');
          await pause();
        }
        currentStep++;
        actions++;
        finalAnswer = await runStep(ctx, currentStep, 'action');
        if (!finalAnswer) await pause();
      }
      if (finalAnswer) return { status: 'success', finalAnswer };
      currentStep++;
      return { status: 'max_steps', finalAnswer: await runStep(ctx, currentStep, 'final') };
    };

    loop().then(
      () => channel.close(),
      (error: unknown) => channel.fail(error),
    );
    return channel;
  }

  return { name, options, systemPrompt, run };
}


/** One step: the model call, then (for action steps) acting on its answer. Returns the final answer if there is one. */
async function runStep(outer: StepContext, step: number, kind: StepKind): Promise<{ value: unknown } | undefined> {
  const forkSteps = outer.fork?.steps ?? [];
  const recorded = forkSteps[step - 1];
  const ctx = recorded?.toolCalls ? { ...outer, emit: markChangedToolResults(outer.emit, step, recorded.toolCalls) } : outer;
  const { options, emit, signal } = ctx;
  const stepStart = performance.now();
  emit({ type: 'step_start', step, kind, ...(recorded ? { source: step === forkSteps.length ? 'edited' : 'recorded' } : {}) });
  const current = ctx.state();
  const run = current.runs.find((r) => r.key === ctx.runKey)!;
  const stepState = current.steps.findLast((s) => s.runKey === ctx.runKey && s.index === step) as StepState;
  const textCalls = options.type === 'tool-calling' && options.toolCallFormat === 'text';
  const request: ModelRequest = {
    messages: modelInputForStep(run, current.steps, stepState),
    purpose: kind,
    agent: run.agent,
    // Text format: the tools are in the system prompt, and no tool schema goes to the model.
    ...(kind === 'action' && options.type === 'tool-calling'
      ? textCalls
        ? { toolCallFormat: 'text' as const }
        : { tools: [...options.tools.schemas, ...ctx.managed.map(managedAgentSchema)] }
      : {}),
    ...(kind === 'action' && options.type === 'code' ? { stopSequences: CODE_STOP_SEQUENCES } : {}),
    ...(kind === 'planning' ? { stopSequences: ['<end_plan>'] } : {}),
  };
  const modelStart = performance.now();
  // Kept on model_end: the streamed pieces that would tell it are left out of traces and share links.
  let firstTokenMs: number | undefined;
  let response: ModelResponse;
  try {
    response = recorded
      ? recorded.response
      : await options.model.generate(request, {
          signal,
          onTextDelta: (text) => {
            firstTokenMs ??= Math.round(performance.now() - modelStart);
            emit({ type: 'model_delta', step, text });
          },
          onRetry: (retry) => emit({ type: 'model_retry', step, ...retry }),
        });
  } catch (error) {
    const usage = ZERO_USAGE;
    const modelMs = Math.round(performance.now() - modelStart);
    if (!isAbort(error, signal)) emit({ type: 'step_error', step, error: { type: 'ModelError', message: describeFailure(error).message } });
    emit({ type: 'step_end', step, usage, timing: { modelMs, executionMs: 0, totalMs: Math.round(performance.now() - stepStart) } });
    throw error;
  }
  const modelMs = Math.round(performance.now() - modelStart);
  // Text format: the calls are read from the text, and from then on are tool calls like native ones (timeline, trace).
  let formatError: string | undefined;
  if (kind === 'action' && textCalls) {
    const parsed = parseTextToolCalls(response.text);
    const { toolCalls: _native, ...rest } = response;
    void _native;
    if (parsed.ok) response = { ...rest, toolCalls: parsed.calls.map((c, i) => ({ id: `call_${step}_${i + 1}`, ...c })) };
    else {
      response = rest;
      formatError = parsed.message;
    }
  }
  // A step played from the parent run costs nothing this time.
  const usage: TokenUsage = (recorded ? undefined : response.usage) ?? ZERO_USAGE;
  emit({
    type: 'model_end',
    step,
    text: response.text,
    ...(response.toolCalls?.length ? { toolCalls: response.toolCalls } : {}),
    usage,
    durationMs: modelMs,
    ...(firstTokenMs !== undefined ? { firstTokenMs } : {}),
    ...(response.finishReason ? { finishReason: response.finishReason } : {}),
    ...(response.responseModel ? { responseModel: response.responseModel } : {}),
    ...(response.responseId ? { responseId: response.responseId } : {}),
  });

  const execStart = performance.now();
  let final: { value: unknown } | undefined;
  try {
    if (kind === 'final') {
      final = { value: response.text.trim() };
      emit({ type: 'final_answer', step, answer: final.value });
    } else if (kind === 'action') {
      final =
        options.type === 'code' ? await runCodeAction(ctx, step, response) : await runToolCallingAction(ctx, step, response, formatError);
    }
  } finally {
    const executionMs = Math.round(performance.now() - execStart);
    emit({ type: 'step_end', step, usage, timing: { modelMs, executionMs, totalMs: Math.round(performance.now() - stepStart) } });
  }
  return final;
}


async function callManagedAgent(
  managed: ManagedAgent,
  input: unknown,
  ctx: ManagedAgentContext,
): Promise<unknown> {
  const request = normaliseManagedInput(managed.name, input);
  const additional =
    request.additional_args !== undefined
      ? renderTemplate(MANAGED_AGENT_ADDITIONAL_ARGS, { args: JSON.stringify(request.additional_args, null, 2) })
      : '';
  const task = renderTemplate(MANAGED_AGENT_TASK_PROMPT, { name: managed.name, task: request.task, additionalArgs: additional });
  let end: Extract<AgentEvent, { type: 'run_end' }> | undefined;
  for await (const event of managed.agent.run(task, { signal: ctx.signal, parent: ctx.parent, t0: ctx.t0 })) {
    ctx.emit(event);
    if (event.type === 'run_end' && event.agent === managed.name && event.parent?.callId === ctx.parent.callId) end = event;
  }
  if (!end) throw new Error(`team member '${managed.name}' ended without a result`);
  if (end.status === 'aborted') throw new DOMException('stopped', 'AbortError');
  if (end.status === 'error') throw new Error(`team member '${managed.name}' failed: ${end.error?.message ?? 'unknown error'}`);
  return end.finalAnswer;
}

export function normaliseManagedInput(name: string, input: unknown): { task: string; additional_args?: unknown } {
  if (typeof input === 'string' && input.trim()) return { task: input };
  if (input && typeof input === 'object' && 'task' in input && typeof input.task === 'string' && input.task.trim()) {
    const { task, additional_args } = input as { task: string; additional_args?: unknown };
    return additional_args === undefined ? { task } : { task, additional_args };
  }
  throw new Error(`call the team member like this: ${name}({ task: "what you need, in detail" })`);
}


/** In a replayed step, the n-th call's end carries what the parent run got when the two differ. */
function markChangedToolResults(emit: StepContext['emit'], step: number, calls: NonNullable<RecordedStep['toolCalls']>): StepContext['emit'] {
  let n = 0;
  return (body) => {
    if (body.type === 'tool_call_end' && body.step === step) {
      const before = calls[n++];
      if (before && before.name === body.name && !sameOutcome(before, body)) {
        return emit({ ...body, recorded: { ...(before.error !== undefined ? { error: before.error } : { result: before.result }) } });
      }
    }
    emit(body);
  };
}

function sameOutcome(a: { result?: unknown; error?: string }, b: { result?: unknown; error?: string }): boolean {
  if (a.error !== undefined || b.error !== undefined) return a.error === b.error;
  return JSON.stringify(a.result) === JSON.stringify(b.result);
}

/** The promise's value, or undefined once the signal aborts (the waiting side is let go; nothing else is cancelled). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export type { RunState };

/** The tools as a trace names them: a call's positional arguments get their parameter names. */
function runToolInfo(tools: AgentTools, managed: readonly { name: string; description: string }[]): RunToolInfo[] {
  const mcp = new Set(tools.mcpToolNames ?? []);
  return [
    ...tools.specs.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters.map((p) => p.name), ...(mcp.has(t.name) ? { objectArgument: true } : {}) })),
    ...managed.map((m) => ({ name: m.name, description: m.description, parameters: ['task', 'additional_args'] })),
  ];
}
