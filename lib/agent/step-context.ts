// What one step's action (code or tool calls) gets from the loop, and the pieces both actions share: the final-answer
// checks and how a failure is described.
import { ModelError } from '../models/types';
import type { FaultPlan } from '../tools/tool-faults';
import type { Executor, HostTool, SandboxError } from '../sandbox/types';
import type { AgentOptions, ForkPrefix, ManagedAgent } from './agent-types';
import type { AgentEvent, AgentEventBody } from './events';
import type { RunState } from './run-state';

export interface StepContext {
  options: AgentOptions;
  executor: Executor;
  signal: AbortSignal;
  emit: (body: AgentEventBody) => void;
  forward: (event: AgentEvent) => void;
  state: () => RunState;
  runKey: string;
  managed: ManagedAgent[];
  hostTools: HostTool[];
  t0: number;
  /** Set in a fork: the recorded model outputs of its first steps. */
  fork?: ForkPrefix;
  /** Decides the injected faults of a ToolCallingAgent's calls, counting each tool's calls over the run. */
  faultPlan: FaultPlan;
}

/** Runs the final-answer checks; returns the first rejection as a step error, or undefined when all accept. */
export async function checkFinalAnswer(ctx: StepContext, answer: unknown): Promise<SandboxError | undefined> {
  for (const { name, check } of ctx.options.finalAnswerChecks ?? []) {
    let verdict: true | string;
    try {
      verdict = await check(answer, { executor: ctx.executor, signal: ctx.signal });
    } catch (error) {
      verdict = `the check failed: ${describeFailure(error).message}`;
    }
    if (verdict !== true) {
      return { type: 'FinalAnswerRejected', message: `The final answer was rejected by the check '${name}': ${verdict}` };
    }
  }
  return undefined;
}

export function describeFailure(error: unknown): { type: string; message: string } {
  if (error instanceof ModelError) return { type: 'ModelError', message: error.message };
  if (error instanceof Error) return { type: error.name || 'Error', message: error.message };
  return { type: 'Error', message: String(error) };
}
