// Run history: every run made in a playground is kept (the last RUNS_KEPT, in IndexedDB) and can be shown again,
// deleted (with Undo) and followed back from a fork to its parent.
import { create } from 'zustand';
import type { AgentEvent } from '../agent/events';
import { openRunHistoryDb, type RunHistoryDb, type RunRecord } from './run-history-db';
import { runRecordOf } from './run-record';
import { useRunStore } from './run-store';

export interface RunHistoryStore {
  /** The library item whose runs are listed. */
  itemId?: string;
  runs: RunRecord[];
  /** The run shown on the timeline, when it is one of the list. */
  shownId?: string;
  /** Runs dropped by the last save to keep the last RUNS_KEPT (the notice says so until dismissed). */
  dropped: RunRecord[];
  /** The run just deleted, kept here so Undo can put it back. */
  deleted?: { record: RunRecord; events: AgentEvent[] };
  /** Why runs can't be kept or read (no IndexedDB, a full disk): shown in the list, nothing else breaks. */
  problem?: string;
  load: (itemId: string) => Promise<void>;
  /** Keeps the run `events` hold as a run of item `itemId`. */
  save: (events: readonly AgentEvent[], itemId: string, extra: { fingerprint?: string; cost?: number }) => Promise<void>;
  /** Shows a kept run on the timeline (only while no run is going); false when it can't. */
  show: (id: string) => Promise<boolean>;
  remove: (id: string) => Promise<void>;
  undoDelete: () => Promise<void>;
  dismissDropped: () => void;
}

let database: RunHistoryDb | undefined;
/** Tests give their own database (fake-indexeddb); the app opens the browser's on first use. */
export function setRunHistoryDb(db: RunHistoryDb | undefined): void {
  database = db;
}
const db = () => (database ??= openRunHistoryDb());

/** Save times never repeat, so the newest-first order is exact even for runs saved in the same millisecond. */
let lastSavedAt = 0;
const nextSavedAt = () => (lastSavedAt = Math.max(Date.now(), lastSavedAt + 1));

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useRunHistoryStore = create<RunHistoryStore>((set, get) => {
  /** Runs `work`; a failure becomes the list's problem instead of an error anywhere else. */
  const guarded = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await work();
      if (get().problem) set({ problem: undefined });
      return result;
    } catch (error) {
      set({ problem: `Runs can’t be kept in this browser: ${reason(error)}` });
      return undefined;
    }
  };
  const refresh = async (itemId: string) => {
    const runs = await guarded(() => db().list(itemId));
    if (runs && get().itemId === itemId) set({ runs });
  };

  return {
    runs: [],
    dropped: [],
    async load(itemId) {
      if (get().itemId !== itemId) set({ itemId, runs: [], shownId: undefined, dropped: [], deleted: undefined });
      await refresh(itemId);
    },
    async save(events, itemId, extra) {
      const record = runRecordOf(events, { itemId, savedAt: nextSavedAt(), ...extra });
      if (!record) return;
      const dropped = await guarded(() => db().put(record, events));
      if (dropped === undefined) return;
      if (get().itemId === itemId) set({ shownId: record.id, ...(dropped.length ? { dropped } : {}) });
      await refresh(itemId);
    },
    async show(id) {
      const record = get().runs.find((r) => r.id === id);
      if (!record || useRunStore.getState().phase !== 'idle') return false;
      const events = await guarded(() => db().events(id));
      if (!events) {
        if (!get().problem) set({ problem: 'This run’s events are missing from the browser’s storage: it can’t be shown.' });
        return false;
      }
      useRunStore.getState().showRecorded(events, record.itemId, record.fingerprint);
      set({ shownId: id });
      return true;
    },
    async remove(id) {
      const record = get().runs.find((r) => r.id === id);
      if (!record) return;
      const events = (await guarded(() => db().events(id))) ?? [];
      const done = await guarded(() => db().remove(id).then(() => true));
      if (!done) return;
      set((s) => ({ runs: s.runs.filter((r) => r.id !== id), deleted: { record, events } }));
    },
    async undoDelete() {
      const deleted = get().deleted;
      if (!deleted) return;
      set({ deleted: undefined });
      const back = await guarded(() => db().put(deleted.record, deleted.events));
      if (back !== undefined) await refresh(deleted.record.itemId);
    },
    dismissDropped: () => set({ dropped: [] }),
  };
});

/**
 * Keeps every run made in this tab: when a run (or a follow-up of it) ends, it is saved as a run of its library item.
 * `costOf` prices it (the UI's price table). Returns the unsubscribe.
 */
export function keepRunsInHistory(costOf: (events: readonly AgentEvent[]) => number | undefined): () => void {
  return useRunStore.subscribe((now, before) => {
    if (before.phase === 'idle' || now.phase !== 'idle' || !now.itemId || now.events.length === 0) return;
    void useRunHistoryStore.getState().save(now.events, now.itemId, { fingerprint: now.fingerprint, cost: costOf(now.events) });
  });
}

/** The events of a kept run, for reading it elsewhere (Compare); undefined when missing or unreadable. */
export async function keptRunEvents(id: string): Promise<AgentEvent[] | undefined> {
  try {
    return await db().events(id);
  } catch {
    return undefined;
  }
}
