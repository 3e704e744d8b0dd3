// The playgrounds saved in this browser. The one being edited lives in the playground store (autosaved there at
// every edit) and is copied into its library item shortly after each edit. A record that can't be read is kept aside.
// Nothing is overwritten in place: a link, a file or an example opens as a new item, and the one before stays.
import { create } from 'zustand';
import { isProviderModel } from '../models/presets';
import { findExample } from '../playground/examples';
import { parsePlayground } from '../playground/parse-playground';
import type { Playground } from '../playground/schema';
import { STARTER_TASK, STARTER_TOOLS } from '../playground/starter-playground';
import { PUBLISHED_ID_PATTERN } from '../share/published-id';
import {
  BACKUP_PREFIX,
  hydratePlaygroundStore,
  PLAYGROUND_FORMAT,
  playgroundLoadedFrom,
  setAutosaveGate,
  usePlaygroundStore,
  type SavedPlayground,
  type StorageNotice,
} from './playground-store';
import { useRunStore } from './run-store';
import { reportSaveFailure, reportSaveSuccess } from './save-problem-store';
import { readStored, type StoredFormat } from './stored-document';

export const LIBRARY_KEY = 'agent-playground:library';
export const LIBRARY_BACKUP_PREFIX = `${BACKUP_PREFIX}library:`;
/** The current playground is copied into its item this long after the last edit (and at once when switching). */
export const SYNC_DELAY_MS = 400;

export interface LibraryItem extends SavedPlayground {
  id: string;
  /** The document's title, repeated so the list can be read without the documents. */
  title: string;
  /** Milliseconds since 1970. */
  updatedAt: number;
  /** For an item opened from a share link: the digest of the link's content, so opening the same link again opens this item. */
  linkDigest?: string;
  /** What this browser published from this item, newest last: each record's delete token stays here and nowhere else. */
  publications?: Publication[];
}

/** A playground published from this browser (POST /api/playgrounds): the token is what Unpublish sends. */
export interface Publication {
  /** The record's id (`/p/<id>`). */
  id: string;
  /** The record's short link, as the server gave it. */
  url: string;
  deleteToken: string;
  /** Whether the record holds the recorded run (the embed shows only a run). */
  withRun: boolean;
  /** Milliseconds since 1970. */
  publishedAt: number;
}


/** The publications worth keeping from a stored item: malformed entries are dropped, the item itself is kept. */
export function readPublications(raw: unknown): Publication[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((p): p is Publication => {
    if (typeof p !== 'object' || p === null) return false;
    const { id, url, deleteToken, withRun, publishedAt } = p as Record<string, unknown>;
    return (
      typeof id === 'string' && PUBLISHED_ID_PATTERN.test(id) && typeof url === 'string' && typeof deleteToken === 'string' && deleteToken.length > 0 &&
      typeof withRun === 'boolean' && typeof publishedAt === 'number'
    );
  }).map(({ id, url, deleteToken, withRun, publishedAt }) => ({ id, url, deleteToken, withRun, publishedAt }));
}

export interface LibraryRecord {
  items: LibraryItem[];
  /** The item whose document is in the playground store. */
  currentId?: string;
}

interface ReadRecord extends LibraryRecord {
  /** Items that failed validation: the whole record is then kept aside before anything is written. */
  dropped: string[];
}

/** An example just opened as a new item: Undo goes back to the item open before (which the library still holds). */
export interface ExampleOpened {
  itemId: string;
  title: string;
  previousId?: string;
  previousTitle?: string;
}

export interface LibraryStore extends LibraryRecord {
  hydrated: boolean;
  notice?: StorageNotice;
  exampleOpened?: ExampleOpened;
  /** The item deleted last, until it is brought back or another is deleted. */
  deleted?: { item: LibraryItem; index: number; wasCurrent: boolean };
  /** Opens a new, empty playground (keeping the current model when it is a real provider). */
  create: () => string | undefined;
  /** Adds a playground (shared, imported) and opens it; the previous one stays in the library. Returns its id (given or new). */
  addAndOpen: (saved: SavedPlayground, id?: string, linkDigest?: string) => string | undefined;
  /** Opens a bundled example as a new item; the previous one stays in the library. */
  openExample: (exampleId: string) => string | undefined;
  /** Goes back to the item open before the example (and drops the example's item if it was not edited). */
  undoOpenExample: () => void;
  dismissExampleOpened: () => void;
  open: (id: string) => void;
  rename: (id: string, title: string) => void;
  /** A copy right after the original, not opened. */
  duplicate: (id: string) => string | undefined;
  remove: (id: string) => void;
  undoRemove: () => void;
  /** Keeps a record published from item `itemId` (its delete token with it); the same id again replaces the entry. */
  addPublication: (itemId: string, publication: Publication) => void;
  /** Forgets a published record (after it was unpublished, or is gone from the server). */
  removePublication: (itemId: string, publicationId: string) => void;
  dismissNotice: () => void;
}

export const LIBRARY_FORMAT: StoredFormat<ReadRecord> = {
  version: 1,
  migrations: {},
  validate(state) {
    if (typeof state !== 'object' || state === null || !Array.isArray((state as { items?: unknown }).items)) {
      return { ok: false, reason: 'it holds no list of playgrounds' };
    }
    const { items: rawItems, currentId } = state as { items: unknown[]; currentId?: unknown };
    const items: LibraryItem[] = [];
    const dropped: string[] = [];
    const seen = new Set<string>();
    rawItems.forEach((raw, i) => {
      const item = readItem(raw);
      if (typeof item === 'string') dropped.push(`item ${i + 1}: ${item.replace(/\n/g, ' ')}`);
      else if (seen.has(item.id)) dropped.push(`item ${i + 1}: its id is used twice`);
      else {
        seen.add(item.id);
        items.push(item);
      }
    });
    const current = typeof currentId === 'string' && seen.has(currentId) ? currentId : undefined;
    return { ok: true, state: { items, ...(current ? { currentId: current } : {}), dropped } };
  },
};

/** A valid item, or what is wrong with it. */
function readItem(raw: unknown): LibraryItem | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const { id, updatedAt, linkDigest, publications } = raw as { id?: unknown; updatedAt?: unknown; linkDigest?: unknown; publications?: unknown };
  if (typeof id !== 'string' || !id) return 'it has no id';
  const saved = PLAYGROUND_FORMAT.validate(raw);
  if (!saved.ok) return saved.reason;
  return {
    ...saved.state,
    id,
    title: saved.state.doc.title,
    updatedAt: typeof updatedAt === 'number' && Number.isFinite(updatedAt) ? updatedAt : 0,
    ...(typeof linkDigest === 'string' && /^[0-9a-f]{64}$/.test(linkDigest) ? { linkDigest } : {}),
    ...publicationsOf(readPublications(publications)),
  };
}

const publicationsOf = (publications: Publication[] | undefined) => (publications?.length ? { publications } : {});

/** What an item keeps about where it came from and went to, through edits and reloads (a copy gets none of it). */
function originOf(item: Pick<LibraryItem, 'linkDigest' | 'publications'>): Pick<LibraryItem, 'linkDigest' | 'publications'> {
  return { ...(item.linkDigest ? { linkDigest: item.linkDigest } : {}), ...publicationsOf(item.publications) };
}

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

export function newItemId(): string {
  return `pg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function keptOf(saved: SavedPlayground): Omit<SavedPlayground, 'doc'> {
  return {
    ...(saved.replayStash ? { replayStash: saved.replayStash } : {}),
    ...(saved.providerStash ? { providerStash: saved.providerStash } : {}),
    ...(saved.exampleId ? { exampleId: saved.exampleId } : {}),
  };
}

/** What an item holds besides its id and date, comparable across a reload. */
function contentKey(saved: SavedPlayground): string {
  return JSON.stringify([saved.doc, saved.replayStash ?? null, saved.providerStash ?? null, saved.exampleId ?? null]);
}

function itemFrom(id: string, saved: SavedPlayground, updatedAt = Date.now(), origin: Pick<LibraryItem, 'linkDigest' | 'publications'> = {}): LibraryItem {
  return { id, title: saved.doc.title, updatedAt, doc: saved.doc, ...keptOf(saved), ...originOf(origin) };
}

/**
 * A fresh playground: one small documented example tool and a task using it, with the model of `from` when it is a
 * real provider (its key stays in the key store), else the manual model.
 */
export function blankPlayground(from?: Playground): Playground {
  const model = from && isProviderModel(from.model) ? from.model : { provider: 'manual' as const };
  const parsed = parsePlayground({ version: 1, title: 'Untitled playground', task: STARTER_TASK, tools: STARTER_TOOLS, model });
  if (!parsed.ok) throw new Error('the blank playground is invalid');
  return parsed.playground;
}

/** The title a copy gets: "X (copy)", "X (copy 2)" … whichever is free. */
export function copyTitle(title: string, taken: readonly string[]): string {
  const base = title.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${base} (copy${n === 1 ? '' : ` ${n}`})`;
    if (!taken.includes(candidate)) return candidate;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
let unsubscribe: (() => void) | undefined;

const busy = () => useRunStore.getState().phase !== 'idle';

/** The ids in the record as it is in storage now: the playground store autosaves only documents of these items. */
let storedIds = new Set<string>();
setAutosaveGate((itemId) => storedIds.has(itemId));

function writeLibrary(): boolean {
  const { items, currentId } = useLibraryStore.getState();
  try {
    storage()?.setItem(LIBRARY_KEY, JSON.stringify({ version: LIBRARY_FORMAT.version, state: { items, ...(currentId ? { currentId } : {}) } }));
  } catch (error) {
    // Storage keeps the record as it was (every item in it intact); the new state lives in this tab until a write works.
    reportSaveFailure('library', error);
    return false;
  }
  const held = currentId !== undefined && !storedIds.has(currentId);
  storedIds = new Set(items.map((i) => i.id));
  reportSaveSuccess('library');
  // The open document was held back from its own autosave while its item was unsaved: save it now.
  if (held) usePlaygroundStore.setState({});
  return true;
}

function commit(next: Partial<LibraryRecord>): void {
  useLibraryStore.setState(next);
  writeLibrary();
}

/** Copies the playground being edited (and what is kept aside for it) into its item now, if it changed. */
export function flushLibrary(): void {
  clearTimeout(timer);
  timer = undefined;
  const { items, currentId } = useLibraryStore.getState();
  const item = items.find((i) => i.id === currentId);
  if (!item) return;
  const { doc, replayStash, providerStash, exampleId } = usePlaygroundStore.getState();
  if (item.doc === doc && item.replayStash === replayStash && item.providerStash === providerStash && item.exampleId === exampleId) return;
  const updated = itemFrom(item.id, { doc, replayStash, providerStash, exampleId }, item.doc === doc ? item.updatedAt : Date.now(), item);
  commit({ items: items.map((i) => (i.id === item.id ? updated : i)) });
}

/** Makes `item` the playground being edited. */
function openItem(item: LibraryItem, items: LibraryItem[]): void {
  commit({ items, currentId: item.id });
  usePlaygroundStore.getState().openDocument(item.doc, keptOf(item), item.id);
  // The run on the timeline belongs to the playground just left: show this one's last run, or the empty timeline.
  useRunStore.getState().showItem(item.id);
}

function insertAndOpen(item: LibraryItem): string {
  flushLibrary();
  openItem(item, [...useLibraryStore.getState().items, item]);
  return item.id;
}

export const useLibraryStore = create<LibraryStore>((set, get) => ({
  hydrated: false,
  items: [],
  create() {
    if (busy()) return undefined;
    return insertAndOpen(itemFrom(newItemId(), { doc: blankPlayground(usePlaygroundStore.getState().doc) }));
  },
  addAndOpen(saved, id = newItemId(), linkDigest) {
    if (busy()) return undefined;
    return insertAndOpen(itemFrom(id, saved, Date.now(), { linkDigest }));
  },
  openExample(exampleId) {
    const example = findExample(exampleId);
    if (busy() || !example) return undefined;
    const previous = get().items.find((i) => i.id === get().currentId);
    const itemId = insertAndOpen(itemFrom(newItemId(), { doc: example.playground, exampleId }));
    set({ exampleOpened: { itemId, title: example.playground.title, ...(previous ? { previousId: previous.id, previousTitle: previous.title } : {}) } });
    return itemId;
  },
  undoOpenExample() {
    const opened = get().exampleOpened;
    if (!opened?.previousId || busy() || !get().items.some((i) => i.id === opened.previousId)) return;
    get().open(opened.previousId);
    set({ exampleOpened: undefined });
    // The example's item goes only when it is still the example untouched; with edits, it is the person's work.
    const item = get().items.find((i) => i.id === opened.itemId);
    const example = item?.exampleId ? findExample(item.exampleId) : undefined;
    if (item && example && item.doc === example.playground && item.id !== get().currentId) commit({ items: get().items.filter((i) => i.id !== item.id) });
  },
  dismissExampleOpened: () => set({ exampleOpened: undefined }),
  open(id) {
    if (busy() || id === get().currentId) return;
    flushLibrary();
    const item = get().items.find((i) => i.id === id);
    if (item) openItem(item, get().items);
  },
  rename(id, title) {
    const clean = title.trim();
    if (!clean) return;
    if (id === get().currentId) {
      usePlaygroundStore.getState().setTitle(clean);
      flushLibrary();
      return;
    }
    commit({ items: get().items.map((i) => (i.id === id ? { ...i, title: clean, doc: { ...i.doc, title: clean }, updatedAt: Date.now() } : i)) });
  },
  duplicate(id) {
    flushLibrary();
    const { items } = get();
    const index = items.findIndex((i) => i.id === id);
    const original = items[index];
    if (!original) return undefined;
    const title = copyTitle(original.title, items.map((i) => i.title));
    const copy = itemFrom(newItemId(), { ...original, doc: { ...original.doc, title } });
    commit({ items: [...items.slice(0, index + 1), copy, ...items.slice(index + 1)] });
    return copy.id;
  },
  remove(id) {
    const wasCurrent = id === get().currentId;
    if (wasCurrent && busy()) return;
    flushLibrary();
    const { items } = get();
    const index = items.findIndex((i) => i.id === id);
    const item = items[index];
    if (!item) return;
    const rest = items.filter((i) => i.id !== id);
    set({ deleted: { item, index, wasCurrent } });
    if (!wasCurrent) return commit({ items: rest });
    // The playground being edited was deleted: open the most recently edited other one, or a new one.
    const next = [...rest].sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (next) openItem(next, rest);
    else {
      const blank = itemFrom(newItemId(), { doc: blankPlayground(item.doc) });
      openItem(blank, [blank]);
    }
  },
  undoRemove() {
    const { deleted } = get();
    if (!deleted || (deleted.wasCurrent && busy())) return;
    flushLibrary();
    const items = [...get().items];
    items.splice(Math.min(deleted.index, items.length), 0, deleted.item);
    set({ deleted: undefined });
    if (deleted.wasCurrent) openItem(deleted.item, items);
    else commit({ items });
  },
  addPublication(itemId, publication) {
    flushLibrary();
    const update = (i: LibraryItem): LibraryItem => ({ ...i, publications: [...(i.publications ?? []).filter((p) => p.id !== publication.id), publication] });
    commit({ items: get().items.map((i) => (i.id === itemId ? update(i) : i)) });
  },
  removePublication(itemId, publicationId) {
    flushLibrary();
    const update = (i: LibraryItem): LibraryItem => {
      const { publications, ...rest } = i;
      const left = (publications ?? []).filter((p) => p.id !== publicationId);
      return { ...rest, ...publicationsOf(left) };
    };
    commit({ items: get().items.map((i) => (i.id === itemId ? update(i) : i)) });
  },
  dismissNotice: () => set({ notice: undefined }),
}));

function readLibrary(): { record: LibraryRecord; notice?: StorageNotice } {
  const store = storage();
  const raw = store?.getItem(LIBRARY_KEY) ?? null;
  const outcome = readStored(raw, LIBRARY_FORMAT);
  if (raw === null || outcome.kind === 'empty') return { record: { items: [] } };
  const record: LibraryRecord = outcome.kind === 'ok' ? { items: outcome.state.items, ...(outcome.state.currentId ? { currentId: outcome.state.currentId } : {}) } : { items: [] };
  if (outcome.kind === 'ok' && outcome.state.dropped.length === 0) return { record };
  // Something could not be read: keep the whole record aside before the app writes over it.
  const backupKey = `${LIBRARY_BACKUP_PREFIX}${new Date().toISOString()}`;
  let kept = true;
  try {
    store!.setItem(backupKey, raw);
  } catch {
    kept = false;
  }
  const where = kept ? `It was kept aside in this browser's storage as “${backupKey}”` : 'It could not be kept aside (storage is full): download it now';
  const what =
    outcome.kind === 'unreadable'
      ? `Your list of saved playgrounds could not be opened: ${outcome.reason}. ${where}.`
      : `${outcome.state.dropped.length === 1 ? 'One saved playground' : `${outcome.state.dropped.length} saved playgrounds`} could not be opened (${outcome.state.dropped.join('; ')}). ${where}; the others are listed as usual.`;
  return { record, notice: { kind: 'recovered', message: what, ...(kept ? { backupKey } : {}), backup: raw } };
}

/**
 * Loads the library (after the playground store), makes sure the playground being edited has its item, and keeps
 * that item up to date as it is edited. Safe to call more than once.
 */
export function hydrateLibrary(): Promise<void> {
  // One load however many callers (React runs start-up effects twice in development).
  return (hydrating ??= loadLibrary());
}

let hydrating: Promise<void> | undefined;

async function loadLibrary(): Promise<void> {
  await hydratePlaygroundStore();
  const { record, notice } = readLibrary();
  storedIds = new Set(record.items.map((i) => i.id));
  const current = record.items.find((i) => i.id === record.currentId);
  const pgNotice = usePlaygroundStore.getState().notice;
  const loadedFrom = playgroundLoadedFrom();
  if (current && loadedFrom !== 'saved') {
    // The playground store's own save is missing or unreadable (then kept aside): the library's copy of the current
    // item is the latest work there is, never the default playground.
    usePlaygroundStore.getState().openDocument(current.doc, keptOf(current), current.id);
    if (pgNotice?.kind === 'recovered') {
      usePlaygroundStore.setState({
        notice: { ...pgNotice, message: `${pgNotice.message.replace(/ and the app started with the default playground\.$/, '.')} Its copy in your saved playgrounds was opened instead.` },
      });
    }
  }
  const playground = usePlaygroundStore.getState();
  const saved: SavedPlayground = { doc: playground.doc, ...keptOf(playground) };
  // The item the playground store's document belongs to; a save from before items were named belongs to the current one.
  const owner = playground.itemId !== undefined ? record.items.find((i) => i.id === playground.itemId) : current;
  let items: LibraryItem[];
  let currentId: string;
  if (!owner) {
    // A first visit, the current item is gone, or the document's item never reached the library (its save failed):
    // the document gets an item of its own, and every item already listed stays as it is.
    const item = itemFrom(playground.itemId ?? newItemId(), saved);
    items = [...record.items, item];
    currentId = item.id;
  } else {
    // The playground store holds the latest edits of its own item (some may not have reached the library before the
    // page closed). The item takes its very objects, so later comparisons are by reference.
    const same = contentKey(saved) === contentKey(owner);
    const item = itemFrom(owner.id, saved, same ? owner.updatedAt : Date.now(), owner);
    items = record.items.map((i) => (i.id === owner.id ? item : i));
    currentId = owner.id;
  }
  if (playground.itemId !== currentId) usePlaygroundStore.setState({ itemId: currentId });
  useLibraryStore.setState({ hydrated: true, ...(notice ? { notice } : {}) });
  commit({ items, currentId });
  unsubscribe?.();
  unsubscribe = usePlaygroundStore.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.replayStash === previous.replayStash && state.providerStash === previous.providerStash && state.exampleId === previous.exampleId) return;
    clearTimeout(timer);
    timer = setTimeout(flushLibrary, SYNC_DELAY_MS);
  });
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flushLibrary);
}
