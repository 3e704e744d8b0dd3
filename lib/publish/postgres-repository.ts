// Postgres, when DATABASE_URL is set: the same records in a shared database; the migrations run at start.
import type { Pool, PoolClient } from 'pg';
import type { AttemptOutcome, DeleteOutcome, PlaygroundRepository, PublishedRecord } from './repository';

/** Schema versions, applied in order and remembered in publish_schema_migrations. */
const MIGRATIONS = [
  `CREATE TABLE playgrounds (
     id TEXT PRIMARY KEY,
     payload TEXT NOT NULL,
     token_hash TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE publish_attempts (client TEXT NOT NULL, at_ms BIGINT NOT NULL);
   CREATE INDEX publish_attempts_client_at ON publish_attempts (client, at_ms);
   CREATE INDEX publish_attempts_at ON publish_attempts (at_ms);`,
];
/** Any fixed number: the advisory lock that keeps two servers starting at once from migrating twice. */
const MIGRATION_LOCK = 160_016;
/** The first key of the per-client rate-limit locks (the second is the client's hash). */
const RATE_LOCK = 160_017;

export async function openPostgresRepository(connectionString: string): Promise<PlaygroundRepository> {
  const { default: pg } = await import('pg');
  const pool: Pool = new pg.Pool({ connectionString, max: 5 });
  // An idle connection that the server drops must not take the whole process down.
  pool.on('error', (error) => console.error(`Publish database: an idle connection failed (${error.message}).`));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    kind: 'postgres',
    async createIfAbsent(record: PublishedRecord) {
      const result = await pool.query(
        'INSERT INTO playgrounds (id, payload, token_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
        [record.id, record.payload, record.tokenHash, record.createdAt],
      );
      return result.rowCount === 1;
    },
    async get(id: string) {
      const result = await pool.query<{ id: string; payload: string; token_hash: string; created_at: Date }>(
        'SELECT id, payload, token_hash, created_at FROM playgrounds WHERE id = $1',
        [id],
      );
      const row = result.rows[0];
      return row && { id: row.id, payload: row.payload, tokenHash: row.token_hash, createdAt: row.created_at.toISOString() };
    },
    async delete(id: string, tokenHash: string): Promise<DeleteOutcome> {
      const result = await pool.query('DELETE FROM playgrounds WHERE id = $1 AND token_hash = $2', [id, tokenHash]);
      if (result.rowCount === 1) return 'deleted';
      const found = await pool.query('SELECT 1 FROM playgrounds WHERE id = $1', [id]);
      return found.rowCount ? 'forbidden' : 'not-found';
    },
    async takeAttempt(client: string, atMs: number, sinceMs: number, limit: number): Promise<AttemptOutcome> {
      return inTransaction(pool, async (c) => {
        // One client's attempts one at a time, across every server on this database: the count cannot race.
        await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RATE_LOCK, client]);
        await c.query('DELETE FROM publish_attempts WHERE at_ms <= $1', [sinceMs]);
        const counted = () =>
          c.query<{ n: string; oldest: string | null }>('SELECT COUNT(*) AS n, MIN(at_ms) AS oldest FROM publish_attempts WHERE client = $1 AND at_ms > $2', [client, sinceMs]);
        let row = (await counted()).rows[0]!;
        const allowed = Number(row.n) < limit;
        if (allowed) {
          await c.query('INSERT INTO publish_attempts (client, at_ms) VALUES ($1, $2)', [client, atMs]);
          row = (await counted()).rows[0]!;
        }
        return { allowed, count: Number(row.n), oldestMs: Number(row.oldest ?? atMs) };
      });
    },
    async close() {
      await pool.end();
    },
  };
}

async function migrate(pool: Pool): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS publish_schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const result = await c.query<{ version: number | null }>('SELECT MAX(version) AS version FROM publish_schema_migrations');
    for (let version = result.rows[0]?.version ?? 0; version < MIGRATIONS.length; version++) {
      await c.query(MIGRATIONS[version]!);
      await c.query('INSERT INTO publish_schema_migrations (version) VALUES ($1)', [version + 1]);
    }
  });
}

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
