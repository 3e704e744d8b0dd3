'use client';
// Over a run made with an earlier version of the open playground (or another one): says so, and offers to run again.
import { useMemo } from 'react';
import { useLibraryStore } from '@/lib/store/library-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { runOpenPlayground } from '@/lib/store/run-playground';
import { runIsStale, useRunStore } from '@/lib/store/run-store';
import { Notice } from '../ui/notice';

export function StaleRunNotice() {
  const doc = usePlaygroundStore((s) => s.doc);
  const currentId = useLibraryStore((s) => s.currentId);
  const itemId = useRunStore((s) => s.itemId);
  const fingerprint = useRunStore((s) => s.fingerprint);
  // Whether there are events, not the events: a long run's every event would otherwise digest the whole playground again.
  const hasEvents = useRunStore((s) => s.events.length > 0);
  const idle = useRunStore((s) => s.phase === 'idle');
  const stale = useMemo(
    () => idle && runIsStale({ itemId, fingerprint, events: hasEvents ? [null] : [] }, doc, currentId),
    [idle, itemId, fingerprint, hasEvents, doc, currentId],
  );
  if (!idle || !stale) return null;
  return (
    <Notice
      tone="info"
      testId="stale-run"
      actions={
        <button type="button" className="btn-primary text-xs" onClick={() => runOpenPlayground()}>
          Run again
        </button>
      }
    >
      This run was made with an earlier version of the playground.
    </Notice>
  );
}
