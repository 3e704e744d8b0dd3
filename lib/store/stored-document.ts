// Reads a versioned record from storage: migrates old versions, and reports anything unreadable instead of throwing.

export type Migration = (state: unknown) => unknown;

export interface StoredFormat<S> {
  version: number;
  /** `migrations[n]` turns a version-n state into version n+1. */
  migrations: Record<number, Migration>;
  /** Returns the state when it is valid, or the reason it is not. */
  validate: (state: unknown) => { ok: true; state: S } | { ok: false; reason: string };
}

export type ReadOutcome<S> = { kind: 'empty' } | { kind: 'ok'; state: S; migratedFrom?: number } | { kind: 'unreadable'; reason: string };

export function readStored<S>(raw: string | null, format: StoredFormat<S>): ReadOutcome<S> {
  if (raw === null) return { kind: 'empty' };
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', reason: 'it is not valid JSON' };
  }
  if (typeof record !== 'object' || record === null || !('state' in record) || !('version' in record)) {
    return { kind: 'unreadable', reason: 'it is not a saved playground record' };
  }
  const { version } = record as { version: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'unreadable', reason: `its version (${JSON.stringify(version)}) is not a version number` };
  }
  if (version > format.version) {
    return { kind: 'unreadable', reason: `it was saved by a newer version of the app (format ${version}; this app reads up to ${format.version})` };
  }
  let state = (record as { state: unknown }).state;
  for (let v = version; v < format.version; v++) {
    const migrate = format.migrations[v];
    if (!migrate) return { kind: 'unreadable', reason: `format ${version} is too old to convert (no step from ${v} to ${v + 1})` };
    try {
      state = migrate(state);
    } catch (error) {
      return { kind: 'unreadable', reason: `converting it from format ${v} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const checked = format.validate(state);
  if (!checked.ok) return { kind: 'unreadable', reason: checked.reason };
  return version < format.version ? { kind: 'ok', state: checked.state, migratedFrom: version } : { kind: 'ok', state: checked.state };
}
