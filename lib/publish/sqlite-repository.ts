// The embedded default: one SQLite file (node:sqlite, WAL mode), created with its schema on first open.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { AttemptOutcome, DeleteOutcome, PlaygroundRepository, PublishedRecord } from './repository';

/** Schema versions, applied in order; `PRAGMA user_version` remembers the last one applied. */
const MIGRATIONS = [
  `CREATE TABLE playgrounds (
     id TEXT PRIMARY KEY,
     payload TEXT NOT NULL,
     token_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE publish_attempts (client TEXT NOT NULL, at_ms INTEGER NOT NULL);
   CREATE INDEX publish_attempts_client_at ON publish_attempts (client, at_ms);
   CREATE INDEX publish_attempts_at ON publish_attempts (at_ms);`,
];

export function openSqliteRepository(file: string): PlaygroundRepository {
  mkdirSync(dirname(file), { recursive: true });
  const db = new (loadSqlite().DatabaseSync)(file, { timeout: 5_000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  migrate(db);
  const insert = db.prepare('INSERT INTO playgrounds (id, payload, token_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
  const select = db.prepare('SELECT id, payload, token_hash, created_at FROM playgrounds WHERE id = ?');
  const remove = db.prepare('DELETE FROM playgrounds WHERE id = ? AND token_hash = ?');
  const exists = db.prepare('SELECT 1 FROM playgrounds WHERE id = ?');
  const forget = db.prepare('DELETE FROM publish_attempts WHERE at_ms <= ?');
  const attempt = db.prepare('INSERT INTO publish_attempts (client, at_ms) VALUES (?, ?)');
  const count = db.prepare('SELECT COUNT(*) AS n, MIN(at_ms) AS oldest FROM publish_attempts WHERE client = ? AND at_ms > ?');
  return {
    kind: 'sqlite',
    async createIfAbsent(record: PublishedRecord) {
      return insert.run(record.id, record.payload, record.tokenHash, record.createdAt).changes === 1;
    },
    async get(id: string) {
      const row = select.get(id) as { id: string; payload: string; token_hash: string; created_at: string } | undefined;
      return row && { id: row.id, payload: row.payload, tokenHash: row.token_hash, createdAt: row.created_at };
    },
    async delete(id: string, tokenHash: string): Promise<DeleteOutcome> {
      if (remove.run(id, tokenHash).changes === 1) return 'deleted';
      return exists.get(id) ? 'forbidden' : 'not-found';
    },
    async takeAttempt(client: string, atMs: number, sinceMs: number, limit: number): Promise<AttemptOutcome> {
      // One write transaction: server processes sharing the file count each other's attempts, none slips past.
      db.exec('BEGIN IMMEDIATE');
      try {
        forget.run(sinceMs);
        let row = count.get(client, sinceMs) as { n: number; oldest: number | null };
        const allowed = Number(row.n) < limit;
        if (allowed) {
          attempt.run(client, atMs);
          row = count.get(client, sinceMs) as { n: number; oldest: number };
        }
        db.exec('COMMIT');
        return { allowed, count: Number(row.n), oldestMs: Number(row.oldest ?? atMs) };
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}

function migrate(db: DatabaseSync): void {
  // Each step re-reads the version inside its write lock: two processes opening a new file apply each step once.
  for (;;) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const { user_version: applied } = db.prepare('PRAGMA user_version').get() as { user_version: number };
      if (applied >= MIGRATIONS.length) {
        db.exec('COMMIT');
        return;
      }
      db.exec(MIGRATIONS[applied]!);
      db.exec(`PRAGMA user_version = ${applied + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/**
 * node:sqlite, loaded at run time (bundlers leave `process.getBuiltinModule` alone), without the ExperimentalWarning
 * it prints on load: that line would reach every operator's log on the first publish and means nothing to them.
 */
function loadSqlite(): typeof import('node:sqlite') {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return process.getBuiltinModule('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
}
