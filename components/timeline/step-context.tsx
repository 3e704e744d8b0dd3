'use client';
// A step's context bar: what its model call was sent, sized by the model's reported usage or estimated.
import { contextBudget } from '@/lib/agent/context-budget';
import { modelInputSegments } from '@/lib/agent/memory';
import type { AgentRunState, StepState } from '@/lib/agent/run-state';
import { usePrice } from '@/lib/store/price-store';
import { useRunStore } from '@/lib/store/run-store';
import { ContextBar } from './context-bar';

export function StepContext({ step, run }: { step: StepState; run: AgentRunState }) {
  const steps = useRunStore((s) => s.state.steps);
  const window = usePrice(run.model)?.contextWindow;
  const budget = contextBudget(modelInputSegments(run, steps, step), step.usage, window);
  return <ContextBar budget={budget} />;
}
