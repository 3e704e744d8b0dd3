// A CodeAgent's action: parse the code from the model's answer, run it in the sandbox, observe.
import type { ModelResponse } from '../models/types';
import { DEFAULT_LIMITS } from '../sandbox/types';
import { checkFinalAnswer, type StepContext } from './step-context';
import { buildObservation } from './observation';
import { CodeParseError, parseCode } from './parse-code';
import { stripTypes } from './strip-types';

export async function runCodeAction(ctx: StepContext, step: number, response: ModelResponse): Promise<{ value: unknown } | undefined> {
  const { emit, signal } = ctx;
  let parsed;
  try {
    parsed = parseCode(response.text);
  } catch (error) {
    if (!(error instanceof CodeParseError)) throw error;
    emit({ type: 'step_error', step, error: { type: 'FormatError', message: error.message } });
    return undefined;
  }
  emit({ type: 'code', step, code: parsed.code });

  let js = parsed.code;
  let mapLine = (line: number) => line;
  if (parsed.language === 'ts') {
    const stripped = stripTypes(parsed.code);
    const first = stripped.errors[0];
    if (first) {
      emit({ type: 'step_error', step, error: { type: 'SyntaxError', message: first.message, line: first.line } });
      return undefined;
    }
    js = stripped.js;
    mapLine = stripped.mapLine;
  }

  const result = await ctx.executor.execute(js, {
    signal,
    onEvent: (event) => {
      if (event.type === 'log') {
        emit({ type: 'log', step, level: event.level, text: event.text });
        return;
      }
      const server = ctx.hostTools.find((t) => t.name === event.name)?.server;
      const from = server !== undefined ? { server } : {};
      if (event.type === 'tool_call_start') emit({ type: 'tool_call_start', step, callId: event.callId, name: event.name, ...from, args: event.args });
      else {
        const injected = event.injected ? { injected: event.injected } : {};
        emit({ type: 'tool_call_end', step, callId: event.callId, name: event.name, ...from, result: event.result, error: event.error, durationMs: event.durationMs, ...injected });
      }
    },
  });
  if (result.error?.type === 'AbortError' || signal.aborted) signal.throwIfAborted();

  if (result.variables) emit({ type: 'variables', step, variables: result.variables.names, total: result.variables.total });
  const observation = buildObservation(result, ctx.options.maxObservationChars ?? DEFAULT_LIMITS.maxObservationChars);
  if (observation) emit({ type: 'observation', step, text: observation });
  if (!result.finalAnswer) {
    // A final answer wins over an error raised after it (e.g. by code in a catch block).
    if (result.error) {
      const { line, ...rest } = result.error;
      emit({ type: 'step_error', step, error: line !== undefined ? { ...rest, line: mapLine(line) } : rest });
    }
    return undefined;
  }

  const rejection = await checkFinalAnswer(ctx, result.finalAnswer.value);
  if (rejection) {
    emit({ type: 'step_error', step, error: rejection });
    return undefined;
  }
  emit({ type: 'final_answer', step, answer: result.finalAnswer.value });
  return result.finalAnswer;
}
