// The publish service on a real SQLite file: what the API answers comes from here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { playground } from '../test-support/playgrounds';
import { contentId } from './content-id';
import { createPublishService, type PublishService } from './publish-service';
import type { PlaygroundRepository } from './repository';
import { openSqliteRepository } from './sqlite-repository';
import { validatePayload } from './validate-payload';

let dir: string;
let repository: PlaygroundRepository;
let service: PublishService;
let clock = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'publish-service-'));
  repository = openSqliteRepository(join(dir, 'playgrounds.sqlite'));
  clock = 1_000_000;
  service = createPublishService({ repository, rateLimit: 2, windowMs: 60_000, now: () => clock });
});
afterEach(async () => {
  await repository.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the publish service', () => {
  it('frees a rate-limit slot when the oldest attempt leaves the sliding window, and says when', async () => {
    expect(await service.admit('a')).toEqual({ allowed: true });
    clock += 10_000;
    expect(await service.admit('a')).toEqual({ allowed: true });
    clock += 20_000;
    expect(await service.admit('a')).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    clock += 30_000;
    expect(await service.admit('a')).toEqual({ allowed: true });
  });

  it('refuses to hand out an id that holds other content (a made collision) instead of pointing at the wrong playground', async () => {
    const pg = playground({ task: 'mine' });
    const checked = validatePayload({ playground: pg });
    if (!checked.ok) throw new Error('test playground invalid');
    const id = contentId(checked.payload);
    await repository.createIfAbsent({ id, payload: JSON.stringify({ playground: playground({ task: 'theirs' }) }), tokenHash: 'x', createdAt: new Date().toISOString() });
    expect(await service.publish(JSON.stringify({ playground: pg }))).toEqual({ kind: 'collision', id });
  });

  it('publishes the same content as one record, whatever the key order or the defaults it spells out', async () => {
    const first = await service.publish(JSON.stringify({ playground: { version: 1, task: 'hi' } }));
    expect(first.kind).toBe('created');
    const full = await service.fetch((first as { id: string }).id);
    if (full.kind !== 'found') throw new Error('not stored');
    // The stored playground has every default filled in; publishing that spelled-out form finds the same record.
    expect(await service.publish(full.payload)).toEqual({ kind: 'exists', id: (first as { id: string }).id });
  });
});
