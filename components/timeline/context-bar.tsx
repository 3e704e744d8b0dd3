'use client';
// The context budget of one model call as a bar: system prompt, task, each earlier step and the new part, against the
// model's context window when known (otherwise scaled to the input itself).
import type { ContextBudget, ContextPartKind } from '@/lib/agent/context-budget';
import { describeBudget, earlierSteps, shownParts } from '@/lib/agent/context-budget';
import { memo } from 'react';

const COLOUR: Record<ContextPartKind, string> = {
  system: 'bg-sky-600',
  task: 'bg-emerald-600',
  step: 'bg-zinc-400 dark:bg-zinc-500',
  new: 'bg-amber-500',
};

const n = (x: number) => x.toLocaleString('en-US');

// Memoised: a long run's events re-render the cards in view, and a settled step's budget does not change.
export const ContextBar = memo(function ContextBar({ budget, label = 'Context' }: { budget: ContextBudget; label?: string }) {
  const steps = earlierSteps(budget);
  const summary = describeBudget(budget);
  const scale = Math.max(budget.window ?? budget.total, 1);
  const source = budget.source === 'reported' ? 'reported by the model' : 'estimated';
  return (
    <figure data-testid="context-bar" data-source={budget.source} className="space-y-1 text-xs">
      <div role="img" aria-label={summary} title={summary} className="flex h-2.5 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800">
        {shownParts(budget).map((p, i) => (
          <span
            key={`${p.kind}:${p.label}:${i}`}
            data-testid="context-part"
            data-kind={p.kind}
            title={`${p.label}: ${n(p.tokens)} tokens (${((100 * p.tokens) / Math.max(budget.total, 1)).toFixed(1)}% of the input, ${source})`}
            className={`${COLOUR[p.kind]} h-full border-r border-white last:border-r-0 dark:border-zinc-900`}
            style={{ width: `${(100 * p.tokens) / scale}%` }}
          />
        ))}
      </div>
      <figcaption className="muted">
        {label}: {n(budget.total)}
        {budget.window ? ` of ${n(budget.window)} tokens (${((100 * budget.total) / budget.window).toFixed(1)}%)` : ' tokens, context window unknown'} · {source} ·{' '}
        {steps} earlier step{steps === 1 ? '' : 's'}
      </figcaption>
    </figure>
  );
});
