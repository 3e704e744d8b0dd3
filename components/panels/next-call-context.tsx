'use client';
// The Prompt tab's context bar: what the next model call would be sent now (a paused run's next step, or a new
// run's system prompt and task, which is what Run sends).
import { contextBudget } from '@/lib/agent/context-budget';
import { firstCallSegments, modelInputSegments, type InputSegment } from '@/lib/agent/memory';
import { isProviderModel, modelIdOf } from '@/lib/models/presets';
import { usePrice } from '@/lib/store/price-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { ContextBar } from '../timeline/context-bar';

export function NextCallContext({ systemPrompt }: { systemPrompt: string }) {
  const model = usePlaygroundStore((s) => s.doc.model);
  const task = usePlaygroundStore((s) => s.doc.task);
  const state = useRunStore((s) => s.state);
  const paused = useRunStore((s) => s.paused);
  const run = paused ? state.runs[0] : undefined;
  const window = usePrice(run?.model ?? (isProviderModel(model) ? modelIdOf(model) : undefined))?.contextWindow;
  let segments: InputSegment[];
  if (run) {
    const last = state.steps.filter((s) => s.runKey === run.key).reduce((max, s) => Math.max(max, s.index), 0);
    segments = modelInputSegments(run, state.steps, { index: last + 1, kind: 'action' });
  } else {
    segments = firstCallSegments(systemPrompt, task);
  }
  return (
    <section aria-labelledby="next-call-context-heading" className="max-w-xl space-y-1" data-testid="next-call-context">
      <h2 id="next-call-context-heading" className="text-sm font-semibold">
        The next model call{run ? ` (step ${segments.filter((s) => s.kind === 'step').length + 1} of the paused run)` : ' (a new run)'}
      </h2>
      <ContextBar budget={contextBudget(segments, undefined, window)} />
    </section>
  );
}
