'use client';
// `Runs`: the runs kept for this playground (newest first): select one to see its timeline, delete one (with Undo).
import { useId, useMemo, useState } from 'react';
import { AGENT_TYPE_NAMES } from '@/lib/models/replay-responses';
import { formatCost } from '@/lib/models/prices';
import { runFingerprint } from '@/lib/playground/run-fingerprint';
import type { RunRecord } from '@/lib/store/run-history-db';
import { RUNS_KEPT } from '@/lib/store/run-history-db';
import { useRunHistoryStore } from '@/lib/store/run-history-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { Notice } from '../ui/notice';
import { formatCount, formatWhen } from './format';

const STATUS = { running: 'running', success: 'finished', max_steps: 'step limit', error: 'failed', aborted: 'stopped' } as Record<string, string>;

export function RunsPanel() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const runs = useRunHistoryStore((s) => s.runs);
  const dropped = useRunHistoryStore((s) => s.dropped);
  const problem = useRunHistoryStore((s) => s.problem);
  const deleted = useRunHistoryStore((s) => s.deleted);
  return (
    <div className="space-y-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800" data-testid="runs-panel">
      <div className="flex items-center gap-2">
        <button type="button" className="btn-ghost text-sm font-medium" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          <span aria-hidden className={`mr-1 inline-block transition-transform ${open ? 'rotate-90' : ''}`}>
            ▸
          </span>
          Runs
        </button>
        <span className="muted text-xs" data-testid="runs-count">
          {runs.length === 0 ? 'none kept yet' : `${runs.length} kept`}
        </span>
      </div>
      {dropped.length > 0 && (
        <Notice
          tone="info"
          testId="runs-dropped"
          actions={
            <button type="button" className="btn text-xs" onClick={() => useRunHistoryStore.getState().dismissDropped()}>
              Dismiss
            </button>
          }
        >
          {`Only the last ${RUNS_KEPT} runs of a playground are kept: the oldest (${dropped.map((r) => formatWhen(r.startedAt)).join(', ')}) was dropped.`}
        </Notice>
      )}
      {deleted && (
        <Notice
          tone="info"
          testId="run-deleted"
          actions={
            <button type="button" className="btn text-xs" onClick={() => void useRunHistoryStore.getState().undoDelete()}>
              Undo
            </button>
          }
        >
          {`Deleted the run of ${formatWhen(deleted.record.startedAt)}.`}
        </Notice>
      )}
      {problem && (
        <Notice tone="warning" testId="runs-problem">
          {problem}
        </Notice>
      )}
      {open && (
        <div id={listId}>
          {runs.length === 0 ? (
            <p className="muted text-sm">Each run you make in this playground is kept here (the last {RUNS_KEPT}), in this browser only.</p>
          ) : (
            <RunsList runs={runs} />
          )}
        </div>
      )}
    </div>
  );
}

function RunsList({ runs }: { runs: RunRecord[] }) {
  const shownId = useRunHistoryStore((s) => s.shownId);
  const idle = useRunStore((s) => s.phase === 'idle');
  const doc = usePlaygroundStore((s) => s.doc);
  const current = useMemo(() => runFingerprint(doc), [doc]);
  const byId = useMemo(() => new Map(runs.map((r) => [r.id, r])), [runs]);
  return (
    <ol aria-label="Runs" className="max-h-72 space-y-1 overflow-y-auto text-sm">
      {runs.map((r) => {
        const when = formatWhen(r.startedAt);
        const parent = r.forkOf && byId.get(r.forkOf.runId);
        return (
          <li key={r.id} data-testid="kept-run" className="flex items-start gap-2">
            <button
              type="button"
              className={`btn-ghost min-w-0 flex-1 text-left ${r.id === shownId ? 'bg-zinc-100 dark:bg-zinc-800' : ''}`}
              aria-current={r.id === shownId ? 'true' : undefined}
              disabled={!idle}
              onClick={() => void useRunHistoryStore.getState().show(r.id)}
            >
              <span className="font-medium">{when}</span>
              {' · '}
              {r.model} · {AGENT_TYPE_NAMES[r.agentType as keyof typeof AGENT_TYPE_NAMES] ?? r.agentType} · <span data-testid="kept-run-status">{STATUS[r.status] ?? r.status}</span> · {r.steps} step
              {r.steps === 1 ? '' : 's'} · {formatCount(r.inputTokens)} in / {formatCount(r.outputTokens)} out{r.estimatedTokens ? ' (est.)' : ''}
              {r.cost !== undefined && ` · ${formatCost(r.cost)}`}
              {r.forkOf && (
                <span data-testid="kept-run-fork">
                  {` · fork of ${parent ? formatWhen(parent.startedAt) : 'a run no longer kept'}, step ${r.forkOf.step}`}
                </span>
              )}
              {r.fingerprint !== current && <span className="muted"> · earlier version of the playground</span>}
              <span className="muted block truncate text-xs">{r.task}</span>
            </button>
            <button type="button" className="btn text-xs" aria-label={`Delete the run of ${when}`} onClick={() => void useRunHistoryStore.getState().remove(r.id)}>
              Delete
            </button>
          </li>
        );
      })}
    </ol>
  );
}
