// Run history on disk: each playground's runs in IndexedDB (runs are large, localStorage is small and synchronous).
// Two object stores: `runs` holds what the Runs list shows (indexed by library item), `events` each run's events.
import type { AgentEvent, ForkRef } from '../agent/events';

/** How many runs each playground keeps: saving one more drops the oldest. */
export const RUNS_KEPT = 50;

const DB_NAME = 'agent-playground-runs';
const DB_VERSION = 1;

/** A kept run, as the Runs list shows it (the events are stored apart). */
export interface RunRecord {
  /** The engine's run id (`run_start.runId`): a fork's `forkOf.runId` names its parent by it. */
  id: string;
  itemId: string;
  /** When it was saved (ms since the epoch); the list is newest first, the oldest is dropped first. */
  savedAt: number;
  startedAt: string;
  task: string;
  model: string;
  agentType: string;
  status: string;
  steps: number;
  inputTokens: number;
  outputTokens: number;
  estimatedTokens: boolean;
  cost?: number;
  forkOf?: ForkRef;
  /** The fingerprint of the playground it ran (runFingerprint): another one means an earlier version. */
  fingerprint?: string;
}

export interface RunHistoryDb {
  /** The runs of library item `itemId`, newest first. */
  list(itemId: string): Promise<RunRecord[]>;
  events(id: string): Promise<AgentEvent[] | undefined>;
  /** Saves (or replaces) a run; returns the runs dropped to keep RUNS_KEPT for its item, oldest first. */
  put(record: RunRecord, events: readonly AgentEvent[]): Promise<RunRecord[]>;
  remove(id: string): Promise<void>;
}

export function openRunHistoryDb(factory: IDBFactory = globalThis.indexedDB): RunHistoryDb {
  let opened: Promise<IDBDatabase> | undefined;
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!factory) throw new Error('this browser has no IndexedDB: runs are not kept');
      const request = factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const d = request.result;
        const runs = d.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('itemId', 'itemId');
        d.createObjectStore('events');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of an older version: close it and reload'));
    }).catch((error: unknown) => {
      opened = undefined;
      throw error;
    }));

  async function transact<T>(mode: IDBTransactionMode, work: (runs: IDBObjectStore, events: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T> {
    const tx = (await db()).transaction(['runs', 'events'], mode);
    const request = work(tx.objectStore('runs'), tx.objectStore('events'));
    return new Promise<T>((resolve, reject) => {
      tx.oncomplete = () => resolve(request?.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (is the disk full?)'));
    });
  }

  const list = async (itemId: string) => {
    const records = await transact<RunRecord[]>('readonly', (runs) => runs.index('itemId').getAll(itemId));
    return records.sort((a, b) => b.savedAt - a.savedAt);
  };

  return {
    list,
    events: (id) => transact<AgentEvent[] | undefined>('readonly', (_, events) => events.get(id)),
    async put(record, events) {
      await transact('readwrite', (runs, store) => {
        store.put(events, record.id);
        return runs.put(record);
      });
      const dropped = (await list(record.itemId)).slice(RUNS_KEPT).reverse();
      if (dropped.length > 0) {
        await transact('readwrite', (runs, store) => {
          for (const r of dropped) {
            runs.delete(r.id);
            store.delete(r.id);
          }
          return undefined;
        });
      }
      return dropped;
    },
    async remove(id) {
      await transact('readwrite', (runs, events) => {
        events.delete(id);
        return runs.delete(id);
      });
    },
  };
}
