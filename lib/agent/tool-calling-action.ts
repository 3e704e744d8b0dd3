// A ToolCallingAgent's action: validate and run each tool call of the model's answer, in order.
import type { ModelResponse, ToolCall } from '../models/types';
import { argumentsToPositional, validateArguments } from '../tools';
import { checkFinalAnswer, describeFailure, type StepContext } from './step-context';
import { renderValue } from './render-value';
import { isAbort } from './abort';
import { JUNK_VALUES, withInjection, type InjectedFault } from '../tools/tool-faults';

type CallOutcome = ({ result: unknown } | { error: string } | { final: unknown }) & { injected?: InjectedFault[] };

export async function runToolCallingAction(
  ctx: StepContext,
  step: number,
  response: ModelResponse,
  /** Text format: why no call could be read from the model's text. */
  formatError?: string,
): Promise<{ value: unknown } | undefined> {
  const { emit } = ctx;
  const calls = response.toolCalls ?? [];
  if (calls.length === 0) {
    emit({
      type: 'step_error',
      step,
      error: {
        type: 'FormatError',
        message: formatError ?? 'You answered without calling a tool. Call one of the tools, or call final_answer with your answer.',
      },
    });
    return undefined;
  }

  const lines: string[] = [];
  let final: { value: unknown } | undefined;
  for (const call of calls) {
    const started = performance.now();
    const server = ctx.hostTools.find((t) => t.name === call.name)?.server;
    const from = server !== undefined ? { server } : {};
    emit({ type: 'tool_call_start', step, callId: call.id, name: call.name, ...from, args: call.arguments });
    const outcome = await runCall(ctx, step, call);
    const durationMs = Math.round(performance.now() - started);
    const injected = outcome.injected ? { injected: outcome.injected } : {};
    if ('error' in outcome) {
      emit({ type: 'tool_call_end', step, callId: call.id, name: call.name, ...from, error: outcome.error, durationMs, ...injected });
      lines.push(`${call.name}: Error: ${outcome.error}`);
      continue;
    }
    const value = 'final' in outcome ? outcome.final : outcome.result;
    emit({ type: 'tool_call_end', step, callId: call.id, name: call.name, ...from, result: value, durationMs, ...injected });
    lines.push(`${call.name}: ${renderValue(value)}`);
    if ('final' in outcome) {
      final = { value };
      break;
    }
  }
  emit({ type: 'observation', step, text: lines.join('\n') });
  if (!final) return undefined;

  const rejection = await checkFinalAnswer(ctx, final.value);
  if (rejection) {
    emit({ type: 'step_error', step, error: rejection });
    return undefined;
  }
  emit({ type: 'final_answer', step, answer: final.value });
  return final;
}

async function runCall(ctx: StepContext, step: number, call: ToolCall): Promise<CallOutcome> {
  const { signal } = ctx;
  const args = call.arguments;
  if (call.name === 'final_answer') {
    if (!isRecord(args) || !('answer' in args)) return { error: 'final_answer needs the argument `answer`.' };
    return { final: args.answer };
  }

  const host = ctx.hostTools.find((t) => t.name === call.name);
  if (host) {
    try {
      return { result: await host.call([args], { signal, callId: call.id }) };
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      return { error: describeFailure(error).message };
    }
  }

  const spec = ctx.options.tools.specs.find((s) => s.name === call.name);
  if (!spec) {
    const names = [...ctx.options.tools.specs.map((s) => s.name), ...ctx.hostTools.map((t) => t.name), 'final_answer'];
    return { error: `There is no tool named '${call.name}'. The tools are: ${names.join(', ')}.` };
  }
  const problems = validateArguments(spec.inputSchema, args ?? {});
  if (problems.length > 0) return { error: `Invalid arguments for ${call.name}: ${problems.join('; ')}.` };

  // Faults are applied here, around the real tool, as a CodeAgent's sandbox applies them around its calls.
  const decision = ctx.faultPlan.next(spec.name);
  if (!decision || decision.faults.length === 0) return callTool(ctx, step, spec.name, argumentsToPositional(spec, (args ?? {}) as Record<string, unknown>));
  const injected = decision.faults;
  const find = <K extends InjectedFault['kind']>(kind: K) => injected.find((f): f is Extract<InjectedFault, { kind: K }> => f.kind === kind);
  const slow = find('slow');
  if (slow) await sleep(slow.delayMs, signal);
  const fail = find('fail');
  if (fail) return { error: fail.message, injected };
  if (find('junk')) return { result: structuredClone(JUNK_VALUES[decision.junk ?? 0]), injected };
  const outcome = await callTool(ctx, step, spec.name, argumentsToPositional(spec, (args ?? {}) as Record<string, unknown>));
  const inject = find('inject');
  if (inject && 'result' in outcome) return { result: withInjection(outcome.result, inject.text), injected };
  return { ...outcome, injected };
}

async function callTool(ctx: StepContext, step: number, name: string, positional: unknown[]): Promise<CallOutcome> {
  const { signal, emit } = ctx;
  const outcome = await ctx.executor.callFunction(name, positional, {
    signal,
    onEvent: (event) => {
      if (event.type === 'log') emit({ type: 'log', step, level: event.level, text: event.text });
    },
  });
  if (outcome.error) {
    if (outcome.error.type === 'AbortError' || signal.aborted) signal.throwIfAborted();
    // A plain Error is said as its message alone: the observation and the tool message add "Error: " themselves.
    return { error: outcome.error.type === 'Error' ? outcome.error.message : `${outcome.error.type}: ${outcome.error.message}` };
  }
  return { result: outcome.value };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
