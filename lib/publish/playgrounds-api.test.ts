// The HTTP API as a client sees it: the route handlers of app/api/playgrounds, called with Requests, on SQLite in a
// temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DELETE, GET } from '@/app/api/playgrounds/[id]/route';
import { POST } from '@/app/api/playgrounds/route';
import type { AgentEvent } from '../agent/events';
import { EXAMPLES } from '../playground/examples';
import { runToEnd } from '../test-support/playgrounds';
import { closePublishServer } from './publish-server';

const ORIGIN = 'http://127.0.0.1:3000';
const example = EXAMPLES[0]!;
let dir = '';
let events: AgentEvent[] = [];

beforeAll(async () => {
  events = (await runToEnd(example.playground)).events;
});
beforeEach(async () => {
  await closePublishServer();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), 'publish-api-'));
  process.env.PUBLISH_DATA_DIR = dir;
  process.env.PUBLISH_RATE_LIMIT = '1000';
  delete process.env.PUBLISH_MAX_BYTES;
  delete process.env.PUBLISH_TRUST_PROXY;
  delete process.env.DATABASE_URL;
});
afterAll(async () => {
  await closePublishServer();
  rmSync(dir, { recursive: true, force: true });
});

function publish(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(new Request(`${ORIGIN}/api/playgrounds`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const fetchRecord = (id: string) => GET(new Request(`${ORIGIN}/api/playgrounds/${id}`), params(id));
const unpublish = (id: string, token?: string) =>
  DELETE(new Request(`${ORIGIN}/api/playgrounds/${id}`, { method: 'DELETE', headers: token === undefined ? {} : { 'x-delete-token': token } }), params(id));

describe('POST /api/playgrounds', () => {
  it('publishes a playground with its run (201), and GET gives the same playground and timeline back', async () => {
    const response = await publish({ playground: example.playground, run: { events } });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; url: string; deleteToken: string };
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(body.url).toBe(`${ORIGIN}/p/${body.id}`);
    expect(body.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const got = await fetchRecord(body.id);
    expect(got.status).toBe(200);
    const payload = (await got.json()) as { playground: unknown; run: { events: AgentEvent[] } };
    expect(payload.playground).toEqual(example.playground);
    // Stored as a link stores a run: without the streamed pieces model_end repeats whole.
    expect(payload.run.events).toEqual(events.filter((e) => e.type !== 'model_delta'));
    // The token is never stored as such, nor handed out again.
    expect(JSON.stringify(payload)).not.toContain(body.deleteToken);
  });

  it('gives the same content the same id: the second publish is 200 with no token, and one record', async () => {
    const first = (await (await publish({ playground: example.playground })).json()) as { id: string; deleteToken: string };
    // Key order does not matter.
    const reordered = Object.fromEntries(Object.entries(example.playground).reverse());
    const again = await publish({ playground: reordered });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: first.id, url: `${ORIGIN}/p/${first.id}` });
    // The first token still unpublishes it.
    expect((await unpublish(first.id, first.deleteToken)).status).toBe(204);
  });

  it('takes JSON only (415 otherwise), so no form on another site can publish through its visitors', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const response = await POST(new Request(`${ORIGIN}/api/playgrounds`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: JSON.stringify({ playground: example.playground }) }));
      expect(response.status).toBe(415);
      expect(((await response.json()) as { error: string }).error).toMatch(/Content-Type: application\/json/);
    }
    expect((await publish({ playground: example.playground }, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
  });

  it('refuses an invalid playground with 400 and names every problem', async () => {
    const response = await publish({ playground: { ...example.playground, agent: { maxSteps: -1 } } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; problems: { path: string; message: string }[] };
    expect(body.error).toMatch(/not valid/);
    expect(body.problems.map((p) => p.path)).toContain('playground.agent.maxSteps');
  });

  it.each([
    ['not JSON', '{"playground": ', /not valid JSON/],
    ['not an object', '[1, 2]', /must be a JSON object/],
    ['no playground', '{}', /playground/],
    ['a broken run', JSON.stringify({ playground: example.playground, run: { events: [{ type: 'nope' }] } }), /not valid/],
  ])('refuses %s with 400 and a clear message, never a 500', async (_name, body, error) => {
    const response = await publish(body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: string; problems: unknown[] };
    expect(`${json.error} ${JSON.stringify(json.problems)}`).toMatch(error);
  });

  it.each([
    ['in the model settings', (pg: Record<string, unknown>) => ({ playground: { ...pg, model: { ...(pg.model as object), apiKey: 'sk-live-123' } } }), 'playground.model.apiKey'],
    ['beside the playground', (pg: Record<string, unknown>) => ({ playground: pg, token: 'sk-live-123' }), 'token'],
    ['in the run', (pg: Record<string, unknown>) => ({ playground: pg, run: { events: [], authorization: 'Bearer sk-live-123' } }), 'run.authorization'],
  ])('refuses a secret-shaped field %s and stores nothing', async (_where, make, path) => {
    const response = await publish(make(example.playground as unknown as Record<string, unknown>));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; problems: { path: string; message: string }[] };
    expect(body.error).toMatch(/secret/);
    expect(body.problems).toContainEqual({ path, message: expect.stringMatching(/secrets such as API keys never belong/) });
    expect(JSON.stringify(body)).not.toContain('sk-live-123');
  });

  it('refuses a body past PUBLISH_MAX_BYTES with 413, and one nested past the link limits with 400', async () => {
    process.env.PUBLISH_MAX_BYTES = '5000';
    const big = await publish({ playground: { ...example.playground, task: 'x'.repeat(6000) } });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/more than 4.9 KB/);
    const deep = await publish(`{"playground": ${'['.repeat(100)}${']'.repeat(100)}}`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { error: string }).error).toMatch(/nests 101 levels deep; published playgrounds may nest at most 64/);
  });

  it('refuses publishes past PUBLISH_RATE_LIMIT per hour with 429 and Retry-After', async () => {
    process.env.PUBLISH_RATE_LIMIT = '3';
    for (let i = 0; i < 3; i++) expect((await publish({ playground: { ...example.playground, task: `t${i}` } })).status).toBe(201);
    const refused = await publish({ playground: { ...example.playground, task: 't4' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(((await refused.json()) as { error: string }).error).toMatch(/at most 3 per 60 minutes/);
  });

  it('counts clients apart by x-forwarded-for only when PUBLISH_TRUST_PROXY=1', async () => {
    process.env.PUBLISH_RATE_LIMIT = '1';
    const pg = { playground: example.playground };
    expect((await publish(pg, { 'x-forwarded-for': '10.0.0.1' })).status).toBe(201);
    // Untrusted, the header is ignored: one bucket for everyone.
    expect((await publish(pg, { 'x-forwarded-for': '10.0.0.2' })).status).toBe(429);
    await closePublishServer();
    process.env.PUBLISH_TRUST_PROXY = '1';
    expect((await publish(pg, { 'x-forwarded-for': '10.0.0.2, 10.9.9.9' })).status).toBe(200);
    expect((await publish(pg, { 'x-forwarded-for': '10.0.0.2' })).status).toBe(429);
    expect((await publish(pg, { 'x-forwarded-for': '10.0.0.3' })).status).toBe(200);
  });
});

describe('GET and DELETE /api/playgrounds/<id>', () => {
  it('unpublishes only with the right token (403 without or wrong, 204 right), then the id is 404', async () => {
    const { id, deleteToken } = (await (await publish({ playground: example.playground })).json()) as { id: string; deleteToken: string };
    const missing = await unpublish(id);
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: string }).error).toMatch(/X-Delete-Token/);
    expect((await unpublish(id, 'not-the-token')).status).toBe(403);
    expect((await fetchRecord(id)).status).toBe(200);
    const done = await unpublish(id, deleteToken);
    expect(done.status).toBe(204);
    expect(await done.text()).toBe('');
    const gone = await fetchRecord(id);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: string }).error).toMatch(/never published, or it was unpublished/);
    expect((await unpublish(id, deleteToken)).status).toBe(404);
  });

  it('answers 404 for an unknown id and 400 for one outside the id alphabet', async () => {
    expect((await fetchRecord('AAAAAAAAAAAA')).status).toBe(404);
    for (const bad of ['short', 'AAAAAAAAAAA!', '../../etc/pa', 'AAAAAAAAAAAAA']) {
      const response = await fetchRecord(bad);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/not a published playground id/);
      expect((await unpublish(bad, 'x')).status).toBe(400);
    }
  });

  it('keeps records when the server restarts', async () => {
    const { id } = (await (await publish({ playground: example.playground })).json()) as { id: string };
    await closePublishServer();
    expect((await fetchRecord(id)).status).toBe(200);
  });
});

describe('the published url', () => {
  it('names the host the client used (Host header), and the forwarded one only behind a trusted proxy', async () => {
    const pg = { playground: example.playground };
    const viaHost = (await (await publish(pg, { host: 'playground.example:8080' })).json()) as { url: string; id: string };
    expect(viaHost.url).toBe(`http://playground.example:8080/p/${viaHost.id}`);
    const forged = (await (await publish(pg, { host: 'a.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' })).json()) as { url: string };
    expect(forged.url).toMatch(/^http:\/\/a\.example\/p\//);
    const junk = (await (await publish(pg, { host: 'a.example/<script>' })).json()) as { url: string };
    expect(junk.url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/p\//);
    await closePublishServer();
    process.env.PUBLISH_TRUST_PROXY = '1';
    const proxied = (await (await publish(pg, { host: '127.0.0.1:3000', 'x-forwarded-host': 'playground.example', 'x-forwarded-proto': 'https' })).json()) as { url: string };
    expect(proxied.url).toMatch(/^https:\/\/playground\.example\/p\//);
  });
});
