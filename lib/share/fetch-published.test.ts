import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExample } from '../playground/examples';
import { startFakePublishServer, type FakePublishServer } from '../test-support/fake-publish-server';
import { fetchPublished } from './fetch-published';
import { loadShared } from './load-shared';
import { encodeShareHash } from './share-link';

const example = findExample('top-products')!.playground;
let server: FakePublishServer;
beforeAll(async () => {
  server = await startFakePublishServer();
  server.publish('Good_id_0001', { playground: example });
  server.answerRaw('Huge_id_0001', JSON.stringify({ playground: { ...example, task: 'x'.repeat(3 * 1024 * 1024) } }));
  server.answerRaw('Deep_id_0001', `{"playground":${'['.repeat(100)}${']'.repeat(100)}}`);
  server.publish('Keyed_id_001', { playground: { ...example, model: { provider: 'openai', model: 'gpt-4.1-mini', apiKey: 'sk-secret' } } });
  server.answerRaw('Html_id_0001', '<html>oops</html>');
});
afterAll(() => server.close());

describe('reading a published playground (GET /api/playgrounds/<id>)', () => {
  it('gives the payload, checked like a link', async () => {
    expect(await fetchPublished(server.url, 'Good_id_0001')).toEqual({ ok: true, payload: { playground: example } });
    expect(server.requests).toContain('GET /api/playgrounds/Good_id_0001');
  });

  it('refuses what a link would refuse, each with a clear message, and says when the id is unknown or the server is away', async () => {
    const message = async (id: string, base = server.url) => {
      const r = await fetchPublished(base, id);
      expect(r.ok, id).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(await message('Unknown_0001')).toMatch(/^No playground is published as Unknown_0001 at http:\/\/127\.0\.0\.1:\d+: it was never published there, or it was unpublished\.$/);
    expect(await message('Huge_id_0001')).toBe('This published playground is more than 2 MB of data; published playgrounds may hold at most 2 MB. It was refused.');
    expect(await message('Deep_id_0001')).toMatch(/nests 101 levels deep; published playgrounds may nest at most 64/);
    expect(await message('Keyed_id_001')).toMatch(/secrets such as API keys never belong/);
    expect(await message('Html_id_0001')).toMatch(/is not a published playground/);
    expect(await message('Good_id_0001', 'http://127.0.0.1:9')).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:9/);
  });

  it('loads any pasted form: a /p/ address, a bare id against the base it is given, or a share link (which needs no server)', async () => {
    const viaAddress = await loadShared(`${server.url}/p/Good_id_0001`);
    expect(viaAddress).toEqual({ ok: true, payload: { playground: example }, from: `${server.url}/p/Good_id_0001` });
    expect(await loadShared('Good_id_0001', { baseUrl: server.url })).toMatchObject({ ok: true, from: `${server.url}/p/Good_id_0001` });
    expect(await loadShared('Good_id_0001')).toEqual({ ok: false, message: expect.stringMatching(/bare published id/) });
    const before = server.requests.length;
    const viaHash = await loadShared(`https://elsewhere.example/#${encodeShareHash({ playground: example })}`);
    expect(viaHash).toMatchObject({ ok: true, from: expect.stringMatching(/^a share link to “Top products, with a plan and a mistake” \(content [0-9a-f]{12}\)$/) });
    expect(server.requests.length).toBe(before);
  });
});
