// API keys: held in memory for this tab, or — only when the user asks — remembered in this browser's storage.
// Each key belongs to one origin (https://api.openai.com, http://localhost:11434 …) and is sent there only, whatever a
// document says. Never part of the playground document, so never in a link, an export or a trace.
import { create } from 'zustand';
import { originOf, originOfLegacySlot } from '../models/key-origin';

export const KEYS_STORAGE = 'agent-playground:keys';
/** The stored record: `{version: 2, keys: {origin: key}}`. Version 1 (no version field) held keys by provider slot. */
const KEYS_FORMAT = 2;

export interface KeyStore {
  /** Keys by origin. */
  keys: Record<string, string>;
  /** Origins whose key is kept in this browser's storage. */
  remembered: Record<string, true>;
  /** Said once after keys stored by an earlier version were moved to their addresses (or dropped). */
  migrationNotice?: string;
  setKey: (origin: string, key: string) => void;
  setRemember: (origin: string, remember: boolean) => void;
  /** Removes the key from memory and from storage. */
  forget: (origin: string) => void;
  dismissMigrationNotice: () => void;
}

let storage: () => Storage | undefined = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** Tests give the store an in-memory Storage. */
export function setKeyStorage(next: () => Storage | undefined): void {
  storage = next;
}

function stringEntries(data: unknown): [string, string][] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
}

/** Keys by origin from storage, moving keys an earlier version stored by slot; `dropped` names slots whose address is unknown. */
export function readStoredKeys(raw: string | null): { keys: Record<string, string>; migrated: boolean; dropped: string[] } {
  const none = { keys: {}, migrated: false, dropped: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw ?? 'null');
  } catch {
    return none;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return none;
  const record = data as { version?: unknown; keys?: unknown };
  if (record.version === KEYS_FORMAT) {
    // Only canonical origins: a hand-edited entry can't widen where a key goes.
    return { keys: Object.fromEntries(stringEntries(record.keys).filter(([origin]) => originOf(origin) === origin)), migrated: false, dropped: [] };
  }
  if (record.version !== undefined) return none;
  const keys: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [slot, key] of stringEntries(data)) {
    const origin = originOfLegacySlot(slot);
    if (origin) keys[origin] ??= key;
    else dropped.push(slot);
  }
  return { keys, migrated: true, dropped };
}

function writeRemembered(keys: Record<string, string>, remembered: Record<string, true>): void {
  const kept = Object.fromEntries(Object.entries(keys).filter(([origin, key]) => remembered[origin] && key));
  try {
    if (Object.keys(kept).length) storage()?.setItem(KEYS_STORAGE, JSON.stringify({ version: KEYS_FORMAT, keys: kept }));
    else storage()?.removeItem(KEYS_STORAGE);
  } catch {
    // Storage full or blocked: the key still works for this tab.
  }
}

export const useKeyStore = create<KeyStore>((set, get) => ({
  keys: {},
  remembered: {},
  setKey(origin, key) {
    const keys = { ...get().keys };
    if (key.trim()) keys[origin] = key.trim();
    else delete keys[origin];
    set({ keys });
    writeRemembered(keys, get().remembered);
  },
  setRemember(origin, remember) {
    const remembered = { ...get().remembered };
    if (remember) remembered[origin] = true;
    else delete remembered[origin];
    set({ remembered });
    writeRemembered(get().keys, remembered);
  },
  forget(origin) {
    const keys = { ...get().keys };
    const remembered = { ...get().remembered };
    delete keys[origin];
    delete remembered[origin];
    set({ keys, remembered });
    writeRemembered(keys, remembered);
  },
  dismissMigrationNotice: () => set({ migrationNotice: undefined }),
}));

/** Loads the keys remembered in this browser (once, at start), moving keys stored by an earlier version to their addresses. */
export function hydrateKeyStore(): void {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(KEYS_STORAGE) ?? null;
  } catch {
    raw = null;
  }
  const stored = readStoredKeys(raw);
  const remembered = Object.fromEntries(Object.keys(stored.keys).map((k) => [k, true as const]));
  let migrationNotice: string | undefined;
  if (stored.migrated) {
    writeRemembered(stored.keys, remembered);
    const moved = Object.keys(stored.keys);
    migrationNotice = [
      moved.length ? `Your remembered API keys now each belong to one address and are sent only there: ${moved.join(', ')}.` : '',
      stored.dropped.length
        ? `A key remembered for a custom server (${stored.dropped.join(', ')}) was removed, because the address it was meant for is not known: enter it again beside that server’s base URL.`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  useKeyStore.setState({
    keys: { ...stored.keys, ...useKeyStore.getState().keys },
    remembered,
    ...(migrationNotice ? { migrationNotice } : {}),
  });
}
