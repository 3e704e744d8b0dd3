'use client';
// Keeps the runs made in this tab in the history, and lists the open playground's kept runs.
import { useEffect } from 'react';
import { foldEvents } from '@/lib/agent/run-state';
import { useLibraryStore } from '@/lib/store/library-store';
import { usePriceStore } from '@/lib/store/price-store';
import { keepRunsInHistory, useRunHistoryStore } from '@/lib/store/run-history-store';
import { runCost } from './format';

export function useRunHistory(ready: boolean): void {
  const currentId = useLibraryStore((s) => s.currentId);
  useEffect(() => keepRunsInHistory((events) => runCost(foldEvents(events), usePriceStore.getState().prices)), []);
  useEffect(() => {
    if (ready && currentId) void useRunHistoryStore.getState().load(currentId);
  }, [ready, currentId]);
}
