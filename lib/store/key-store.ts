// API keys: held in memory for this tab, or — only when the user asks — remembered in this browser's storage.
// Never part of the playground document, so never in a link, an export or a trace.
import { create } from 'zustand';

export const KEYS_STORAGE = 'agent-playground:keys';

export interface KeyStore {
  /** Keys by slot (`openai`, `openai-compatible:ollama` …). */
  keys: Record<string, string>;
  /** Slots whose key is kept in this browser's storage. */
  remembered: Record<string, true>;
  setKey: (slot: string, key: string) => void;
  setRemember: (slot: string, remember: boolean) => void;
  /** Removes the key from memory and from storage. */
  forget: (slot: string) => void;
}

let storage: () => Storage | undefined = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** Tests give the store an in-memory Storage. */
export function setKeyStorage(next: () => Storage | undefined): void {
  storage = next;
}

function readRemembered(): Record<string, string> {
  try {
    const data: unknown = JSON.parse(storage()?.getItem(KEYS_STORAGE) ?? '{}');
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  } catch {
    return {};
  }
}

function writeRemembered(keys: Record<string, string>, remembered: Record<string, true>): void {
  const kept = Object.fromEntries(Object.entries(keys).filter(([slot, key]) => remembered[slot] && key));
  try {
    if (Object.keys(kept).length) storage()?.setItem(KEYS_STORAGE, JSON.stringify(kept));
    else storage()?.removeItem(KEYS_STORAGE);
  } catch {
    // Storage full or blocked: the key still works for this tab.
  }
}

export const useKeyStore = create<KeyStore>((set, get) => ({
  keys: {},
  remembered: {},
  setKey(slot, key) {
    const keys = { ...get().keys };
    if (key.trim()) keys[slot] = key.trim();
    else delete keys[slot];
    set({ keys });
    writeRemembered(keys, get().remembered);
  },
  setRemember(slot, remember) {
    const remembered = { ...get().remembered };
    if (remember) remembered[slot] = true;
    else delete remembered[slot];
    set({ remembered });
    writeRemembered(get().keys, remembered);
  },
  forget(slot) {
    const keys = { ...get().keys };
    const remembered = { ...get().remembered };
    delete keys[slot];
    delete remembered[slot];
    set({ keys, remembered });
    writeRemembered(keys, remembered);
  },
}));

/** Loads the keys remembered in this browser (once, at start). */
export function hydrateKeyStore(): void {
  const stored = readRemembered();
  useKeyStore.setState({ keys: { ...stored, ...useKeyStore.getState().keys }, remembered: Object.fromEntries(Object.keys(stored).map((k) => [k, true as const])) });
}
