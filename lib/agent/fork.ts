// Forking a recorded run at one of its steps ("Edit and re-run from here"): the prefix a new run starts from.
import type { ModelResponse } from '../models/types';
import type { ForkPrefix } from './agent';
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
