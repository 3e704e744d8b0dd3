'use client';
// A step's context bar: what its model call was sent, sized by the model's reported usage or estimated.
import { contextBudget, type ContextBudget } from '@/lib/agent/context-budget';
import { modelInputSegments } from '@/lib/agent/memory';
import type { AgentRunState, StepState } from '@/lib/agent/run-state';
import { usePrice } from '@/lib/store/price-store';
import { useRunStore } from '@/lib/store/run-store';
import { ContextBar } from './context-bar';

// A step's input is settled once its model call is done (its earlier steps are finished), so the budget is kept per
// step record: the store's updates for other steps (every event of a long run) neither recompute nor re-render it.
const cache = new WeakMap<StepState, { window: number | undefined; budget: ContextBudget }>();

function budgetOf(run: AgentRunState, steps: readonly StepState[], step: StepState, window: number | undefined): ContextBudget {
  const hit = cache.get(step);
  if (hit && hit.window === window) return hit.budget;
  const budget = contextBudget(modelInputSegments(run, steps, step), step.usage, window);
  cache.set(step, { window, budget });
  return budget;
}

export function StepContext({ step, run }: { step: StepState; run: AgentRunState }) {
  const window = usePrice(run.model)?.contextWindow;
  const budget = useRunStore((s) => budgetOf(run, s.state.steps, step, window));
  return <ContextBar budget={budget} />;
}
