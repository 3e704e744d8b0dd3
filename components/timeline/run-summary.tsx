'use client';
// The run at a glance: its state, steps, tokens, time and final answer.
import { totalUsage, type RunState } from '@/lib/agent/run-state';
import { formatCost } from '@/lib/models/prices';
import type { ForkRef } from '@/lib/agent/events';
import { usePriceStore } from '@/lib/store/price-store';
import { useRunHistoryStore } from '@/lib/store/run-history-store';
import { useRunStore } from '@/lib/store/run-store';
import { formatAnswer, formatCount, formatMs, formatWhen, runCost } from './format';

const STATUS_TEXT = {
  running: 'Running',
  success: 'Finished',
  max_steps: 'Stopped at the step limit',
  error: 'Failed',
  aborted: 'Stopped (aborted)',
} as const;

export function RunSummary({ state, stopping, paused }: { state: RunState; stopping: boolean; paused?: { step: number } }) {
  const prices = usePriceStore((s) => s.prices);
  const main = state.runs.find((r) => !r.parent);
  if (!main) return null;
  const usage = totalUsage(state);
  const cost = runCost(state, prices);
  const steps = state.steps.filter((s) => s.runKey === main.key).length;
  const tone =
    main.status === 'success'
      ? 'border-green-300 dark:border-green-800'
      : main.status === 'error' || main.status === 'aborted'
        ? 'border-red-300 dark:border-red-800'
        : 'border-zinc-200 dark:border-zinc-700';
  return (
    <section aria-label="Run summary" data-testid="run-summary" className={`card space-y-1 border-2 p-3 text-sm ${tone}`}>
      <dl className="flex flex-wrap gap-x-5 gap-y-1">
        <Fact label="State" testId="run-status" value={stopping && main.status === 'running' ? 'Stopping…' : paused && main.status === 'running' ? `Paused after step ${paused.step}` : STATUS_TEXT[main.status]} />
        {main.tasks.length > 1 && <Fact label="Tasks" testId="run-tasks" value={String(main.tasks.length)} />}
        {main.forkOf && <ForkOf of={main.forkOf} />}
        <Fact label="Steps" testId="run-steps" value={String(steps)} />
        <Fact label="Tokens" testId="run-tokens" value={`${formatCount(usage.inputTokens)} in / ${formatCount(usage.outputTokens)} out${usage.estimated ? ' (estimated)' : ''}`} />
        {cost !== undefined && <Fact label="Cost" testId="run-cost" value={formatCost(cost)} />}
        <Fact label="Time" testId="run-time" value={main.durationMs !== undefined ? formatMs(main.durationMs) : 'running…'} />
        <Fact label="Model" testId="run-model" value={main.model} />
        <Fact label="Sandbox" testId="run-sandbox" value={main.sandbox} />
      </dl>
      {main.finalAnswer && (
        <div>
          <span className="font-semibold">Final answer: </span>
          <span data-testid="final-answer" className="whitespace-pre-wrap">
            {formatAnswer(main.finalAnswer.value)}
          </span>
        </div>
      )}
      {main.error && (
        <p data-testid="run-error" className="text-red-800 dark:text-red-300">
          {main.error.message}
        </p>
      )}
    </section>
  );
}

/** The run this one forked, with a link back to it while it is kept. */
function ForkOf({ of }: { of: ForkRef }) {
  const parent = useRunHistoryStore((s) => s.runs.find((r) => r.id === of.runId));
  const idle = useRunStore((s) => s.phase === 'idle');
  return (
    <div className="flex gap-1">
      <dt className="muted">Fork of:</dt>
      <dd data-testid="run-fork-of" className="font-medium">
        {parent ? (
          <button type="button" className="underline underline-offset-2 disabled:no-underline" disabled={!idle} onClick={() => void useRunHistoryStore.getState().show(parent.id)}>
            {`the run of ${formatWhen(parent.startedAt)}, step ${of.step}`}
          </button>
        ) : (
          `a run no longer kept, step ${of.step}`
        )}
      </dd>
    </div>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex gap-1">
      <dt className="muted">{label}:</dt>
      <dd data-testid={testId} className="font-medium">
        {value}
      </dd>
    </div>
  );
}
