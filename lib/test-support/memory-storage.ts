// A Storage kept in memory, for stores that persist to localStorage in the browser. With a quota (characters of
// keys and values together), a write past it throws QuotaExceededError, as a full browser storage does.
export interface MemoryStorageOptions {
  quota?: number;
}

export interface MemoryStorage extends Storage {
  /** Writes attempted so far (failed ones too). */
  writes: number;
  quota: number;
}

export function memoryStorage(initial: Record<string, string> = {}, options: MemoryStorageOptions = {}): MemoryStorage {
  const data = new Map(Object.entries(initial));
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const storage: MemoryStorage = {
    writes: 0,
    quota: options.quota ?? Infinity,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem(key, value) {
      storage.writes++;
      const text = String(value);
      const after = used() - (data.has(key) ? key.length + data.get(key)!.length : 0) + key.length + text.length;
      if (after > storage.quota) {
        const error = new Error(`Setting the value of '${key}' exceeded the quota.`);
        error.name = 'QuotaExceededError';
        throw error;
      }
      data.set(key, text);
    },
  };
  return storage;
}
