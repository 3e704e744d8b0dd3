// What the Runs list keeps of a finished run: its facts at a glance, from its events.
import type { AgentEvent } from '../agent/events';
import { foldEvents, totalUsage } from '../agent/run-state';
import type { RunRecord } from './run-history-db';

export interface RunRecordContext {
  itemId: string;
  fingerprint?: string;
  /** The run's cost when its models have prices (the UI's price table); left out otherwise. */
  cost?: number;
  savedAt: number;
}

/** The record of the run `events` hold, or undefined when they hold no top-level run. */
export function runRecordOf(events: readonly AgentEvent[], context: RunRecordContext): RunRecord | undefined {
  const state = foldEvents(events);
  const main = state.runs.find((r) => !r.parent);
  if (!main) return undefined;
  const usage = totalUsage(state);
  return {
    id: main.runId,
    itemId: context.itemId,
    savedAt: context.savedAt,
    startedAt: main.startedAt,
    task: main.tasks.map((t) => t.task).join('\n→ '),
    model: main.model,
    agentType: main.agentType,
    status: main.status,
    steps: state.steps.filter((s) => s.runKey === main.key).length,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    estimatedTokens: Boolean(usage.estimated),
    ...(context.cost !== undefined ? { cost: context.cost } : {}),
    ...(main.forkOf ? { forkOf: main.forkOf } : {}),
    ...(context.fingerprint ? { fingerprint: context.fingerprint } : {}),
  };
}
