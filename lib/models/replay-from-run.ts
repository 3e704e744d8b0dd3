// A finished run's model turns as replay responses: record once with a real model, replay offline for everyone.
import type { AgentType } from '../agent/events';
import type { RunState, StepState } from '../agent/run-state';
import type { ReplayResponse } from './replay-responses';

export interface RunReplay {
  /** The top-level agent's type: its responses are stored under it. */
  type: AgentType;
  /** The top-level agent's model turns (planning, action and final steps), in order. */
  main: ReplayResponse[];
  /** Each team member's model turns, by name: every call it got, in order (a replay member plays them in turn). */
  managed: Record<string, ReplayResponse[]>;
}

/** One step's model turn: its text, its tool calls, and its usage when the provider reported it (not estimates). */
export function replayResponseOfStep(step: Pick<StepState, 'modelOutput' | 'modelToolCalls' | 'usage'>): ReplayResponse | undefined {
  const calls = step.modelToolCalls?.length ? step.modelToolCalls : undefined;
  if (!step.modelOutput && !calls) return undefined;
  const usage = step.usage && !step.usage.estimated ? { inputTokens: step.usage.inputTokens, outputTokens: step.usage.outputTokens, ...(step.usage.cachedInputTokens !== undefined ? { cachedInputTokens: step.usage.cachedInputTokens } : {}) } : undefined;
  if (!calls && !usage) return step.modelOutput;
  return {
    ...(step.modelOutput ? { text: step.modelOutput } : {}),
    ...(calls ? { toolCalls: calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })) } : {}),
    ...(usage ? { usage } : {}),
  };
}

/** The run's replay responses; undefined while it runs or when it has no model turn at all. */
export function replayResponsesFromRun(state: RunState): RunReplay | undefined {
  const top = state.runs.find((r) => !r.parent);
  if (!top || top.status === 'running') return undefined;
  const main: ReplayResponse[] = [];
  const managed: Record<string, ReplayResponse[]> = {};
  for (const step of state.steps) {
    const response = replayResponseOfStep(step);
    if (!response) continue;
    if (step.runKey === top.key) main.push(response);
    else if (step.parent) (managed[step.agent] ??= []).push(response);
  }
  if (main.length === 0) return undefined;
  return { type: top.agentType, main, managed };
}
