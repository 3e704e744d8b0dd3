// Which saved playgrounds came from outside (a link, an imported file) and have not been accepted yet, and which of
// their addresses the person accepted one by one (by typing them). Kept in this browser's storage so a reload keeps a
// playground untrusted. Nothing in an untrusted playground is contacted until its addresses are accepted.
import { create } from 'zustand';
import type { Playground } from '../playground/schema';
import { contactAddresses, type ContactAddress } from '../trust/contact-addresses';
import { useLibraryStore } from './library-store';
import { usePlaygroundStore } from './playground-store';

export const TRUST_STORAGE = 'agent-playground:trust';
const TRUST_FORMAT = 1;

export type ReviewSource = 'link' | 'playground-file' | 'trace-file';

export interface Review {
  source: ReviewSource;
  /** Address ids (see contact-addresses) the person accepted by editing them by hand. */
  accepted: string[];
}

export interface TrustStore {
  /** Untrusted library items by id; an item not listed is the person's own. */
  untrusted: Record<string, Review>;
  /** Set when Run was refused because addresses await review, so the banner can say why. */
  runRefused?: string;
  /** Untrusted items whose banner was dismissed in this tab while nothing awaited review (it returns when something does). */
  dismissed: Record<string, true>;
  /** When the record could not be kept in storage, the reason (the item stays untrusted for this tab). */
  saveProblem?: string;
  /** The stored record could not be read at start, so every saved playground asks for review again. */
  recordLost?: boolean;
  markUntrusted: (itemId: string, source: ReviewSource) => void;
  /** "Trust and enable": the item becomes the person's own. */
  trust: (itemId: string) => void;
  /** Addresses the person typed by hand count as accepted. */
  accept: (itemId: string, ids: string[]) => void;
  refuseRun: (itemId: string) => void;
  dismiss: (itemId: string) => void;
}

let storage: () => Storage | undefined = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function setTrustStorage(next: () => Storage | undefined): void {
  storage = next;
}

function write(untrusted: Record<string, Review>): string | undefined {
  try {
    if (Object.keys(untrusted).length) storage()?.setItem(TRUST_STORAGE, JSON.stringify({ version: TRUST_FORMAT, untrusted }));
    else storage()?.removeItem(TRUST_STORAGE);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const useTrustStore = create<TrustStore>((set, get) => {
  const commit = (untrusted: Record<string, Review>) => {
    const problem = write(untrusted);
    set({ untrusted, saveProblem: problem });
  };
  return {
    untrusted: {},
    dismissed: {},
    markUntrusted: (itemId, source) => commit({ ...get().untrusted, [itemId]: { source, accepted: [] } }),
    trust(itemId) {
      const { [itemId]: _gone, ...rest } = get().untrusted;
      void _gone;
      set({ runRefused: undefined });
      commit(rest);
    },
    accept(itemId, ids) {
      const review = get().untrusted[itemId];
      if (!review) return;
      const accepted = [...new Set([...review.accepted, ...ids])];
      if (accepted.length === review.accepted.length) return;
      commit({ ...get().untrusted, [itemId]: { ...review, accepted } });
    },
    refuseRun: (itemId) => set({ runRefused: itemId }),
    dismiss: (itemId) => set({ dismissed: { ...get().dismissed, [itemId]: true } }),
  };
});

/** Reads the record kept in storage (once, at start). */
export function hydrateTrustStore(): void {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(TRUST_STORAGE) ?? null;
  } catch {
    raw = null;
  }
  const untrusted = readTrustRecord(raw);
  recordUnreadable = raw !== null && untrusted === undefined;
  useTrustStore.setState({ untrusted: { ...untrusted, ...useTrustStore.getState().untrusted } });
}

let recordUnreadable = false;

/**
 * When the record of untrusted playgrounds could not be read, which saved playgrounds came from outside is unknown:
 * each of `itemIds` (the library, once loaded) is reviewed again rather than trusted by default. Returns whether that
 * happened, so the person can be told once.
 */
export function reviewAllIfRecordUnreadable(itemIds: readonly string[]): boolean {
  if (!recordUnreadable) return false;
  recordUnreadable = false;
  const { untrusted } = useTrustStore.getState();
  const next = { ...untrusted };
  for (const id of itemIds) next[id] ??= { source: 'link', accepted: [] };
  const problem = write(next);
  useTrustStore.setState({ untrusted: next, saveProblem: problem, recordLost: true });
  return true;
}

/** The untrusted items in a stored record: empty when there is none, undefined when the record can't be read. */
export function readTrustRecord(raw: string | null): Record<string, Review> | undefined {
  if (raw === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const record = data as { version?: unknown; untrusted?: unknown } | null;
  if (!record || record.version !== TRUST_FORMAT || !record.untrusted || typeof record.untrusted !== 'object') return undefined;
  const out: Record<string, Review> = {};
  for (const [id, value] of Object.entries(record.untrusted as Record<string, unknown>)) {
    const review = value as { source?: unknown; accepted?: unknown } | null;
    const source = review?.source;
    if (source !== 'link' && source !== 'playground-file' && source !== 'trace-file') continue;
    const accepted = Array.isArray(review?.accepted) ? review.accepted.filter((a): a is string => typeof a === 'string') : [];
    out[id] = { source, accepted };
  }
  return out;
}

/** The addresses `doc` would contact that await review: none for the person's own playgrounds. */
export function pendingAddresses(review: Review | undefined, doc: Playground): ContactAddress[] {
  if (!review) return [];
  return contactAddresses(doc).filter((a) => !review.accepted.includes(a.id));
}

/** Whether `doc` (of item `itemId`) may contact the address `id` now. */
export function addressAllowed(untrusted: Record<string, Review>, itemId: string | undefined, id: string): boolean {
  const review = itemId ? untrusted[itemId] : undefined;
  return !review || review.accepted.includes(id);
}

// ---- Bound to the playground being edited ------------------------------------------------------------------------

/** What the open playground would contact that awaits review (empty for the person's own). */
export function pendingForCurrent(): ContactAddress[] {
  const itemId = useLibraryStore.getState().currentId;
  return pendingAddresses(itemId ? useTrustStore.getState().untrusted[itemId] : undefined, usePlaygroundStore.getState().doc);
}

/** Duplicates a saved playground; a copy of one still under review stays under review (with what was accepted). */
export function duplicateItem(itemId: string): string | undefined {
  const copyId = useLibraryStore.getState().duplicate(itemId);
  const review = useTrustStore.getState().untrusted[itemId];
  if (copyId && review) {
    const store = useTrustStore.getState();
    store.markUntrusted(copyId, review.source);
    if (review.accepted.length) store.accept(copyId, review.accepted);
  }
  return copyId;
}

/** The person typed these addresses into the open playground: they count as accepted. */
export function acceptForCurrent(ids: string[]): void {
  const itemId = useLibraryStore.getState().currentId;
  if (itemId) useTrustStore.getState().accept(itemId, ids);
}

/** The open playground's review, while it is untrusted. */
export function useCurrentReview(): Review | undefined {
  const itemId = useLibraryStore((s) => s.currentId);
  return useTrustStore((s) => (itemId ? s.untrusted[itemId] : undefined));
}

/** Whether the open playground may contact this address now (undefined: no address, nothing to allow). */
export function useAddressAllowed(id: string | undefined): boolean {
  const itemId = useLibraryStore((s) => s.currentId);
  return useTrustStore((s) => id !== undefined && addressAllowed(s.untrusted, itemId, id));
}
