// Forking a recorded run at one of its steps ("Edit and re-run from here"): the prefix a new run starts from.
import type { ModelResponse, ToolCall } from '../models/types';
import type { ForkPrefix } from './agent-types';
import type { AgentEvent } from './events';
import { foldEvents, type StepState } from './run-state';

/** A step's model output as the model gave it: its text, and its tool calls for a ToolCallingAgent. */
export function responseOfStep(step: Pick<StepState, 'modelOutput' | 'modelToolCalls'>): ModelResponse {
  return { text: step.modelOutput, ...(step.modelToolCalls?.length ? { toolCalls: step.modelToolCalls } : {}) };
}

/**
 * The prefix of a fork of the recorded run `events` at `step` (1-based, a step of the top-level agent): steps before it
 * replay their recorded model outputs (and know their tool calls' outcomes), step `step` takes `edited`.
 */
export function forkPrefix(events: readonly AgentEvent[], step: number, edited: ModelResponse): ForkPrefix {
  const state = foldEvents(events);
  const run = state.runs.find((r) => r.key === 'main');
  if (!run) throw new Error('this run has no top-level agent to fork');
  const steps = state.steps.filter((s) => s.runKey === 'main');
  const at = steps.find((s) => s.index === step);
  if (!at) throw new Error(`this run has no step ${step} to re-run from`);
  if (run.tasks.length > 1 && step >= run.tasks[1]!.fromStep) {
    throw new Error(`step ${step} belongs to a follow-up task: only steps of the first task can be re-run from`);
  }
  const before = steps.filter((s) => s.index < step);
  if (before.some((s) => !s.modelDone)) throw new Error('a step before this one has no model output to replay');
  return {
    of: { runId: run.runId, step },
    steps: [
      ...before.map((s) => ({
        response: responseOfStep(s),
        toolCalls: s.toolCalls.map((c) => ({ name: c.name, ...(c.error !== undefined ? { error: c.error } : { result: c.result }) })),
      })),
      { response: edited },
    ],
  };
}

/** A step's tool calls as the edit dialog shows them: a JSON array of `{ "name", "arguments" }`. */
export function toolCallsAsJson(calls: readonly ToolCall[] | undefined): string {
  return JSON.stringify((calls ?? []).map((c) => ({ name: c.name, arguments: c.arguments })), null, 2);
}

/** Reads edited tool calls back (see toolCallsAsJson); the message says what is wrong, where. */
export function parseEditedToolCalls(json: string): { ok: true; toolCalls: ToolCall[] } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `The tool calls are not valid JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(value)) return { ok: false, message: 'The tool calls must be a JSON array of {"name": …, "arguments": {…}}.' };
  const toolCalls: ToolCall[] = [];
  for (const [i, call] of value.entries()) {
    const where = `Tool call ${i + 1}`;
    if (typeof call !== 'object' || call === null || Array.isArray(call)) return { ok: false, message: `${where} must be an object {"name": …, "arguments": {…}}.` };
    const { name, arguments: args, ...rest } = call as Record<string, unknown>;
    if (typeof name !== 'string' || !name.trim()) return { ok: false, message: `${where} needs a "name": the tool to call.` };
    if (typeof args !== 'object' || args === null || Array.isArray(args)) return { ok: false, message: `${where} ("${name}") needs "arguments": an object, e.g. {}.` };
    const extra = Object.keys(rest);
    if (extra.length) return { ok: false, message: `${where} ("${name}") has unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}: only "name" and "arguments" are read.` };
    toolCalls.push({ id: `call_edited_${i + 1}`, name, arguments: args });
  }
  if (toolCalls.length === 0) return { ok: false, message: 'Give at least one tool call (final_answer ends the run).' };
  return { ok: true, toolCalls };
}
