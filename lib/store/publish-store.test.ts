import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { AgentEvent } from '../agent';
import { EXAMPLES } from '../playground/examples';
import { compactEvents } from '../share/share-link';
import { memoryStorage } from '../test-support/memory-storage';
import { runToEnd } from '../test-support/playgrounds';

interface FakeRunStore {
  phase: 'idle' | 'running';
  events: AgentEvent[];
  showRecorded: (events: AgentEvent[]) => void;
  showItem: (itemId: string) => void;
}
vi.mock('./run-store', async () => {
  const { create } = await import('zustand');
  const useRunStore = create<FakeRunStore>((set) => ({
    phase: 'idle',
    events: [],
    showRecorded: (events) => set({ events }),
    showItem: () => set({ events: [] }),
  }));
  return { useRunStore };
});

const KEY = 'sk-test-SECRET-publish-0123456789';
const ID = 'Ab3_-xYz0123';
const URL_OF = (id: string) => `http://app.test/p/${id}`;
let recorded: AgentEvent[];
beforeAll(async () => {
  recorded = (await runToEnd(EXAMPLES[0]!.playground)).events;
});
beforeEach(() => vi.unstubAllGlobals());

async function load() {
  vi.stubGlobal('localStorage', memoryStorage({}));
  vi.resetModules();
  const publish = await import('./publish-store');
  const { useLibraryStore, hydrateLibrary } = await import('./library-store');
  const { usePlaygroundStore } = await import('./playground-store');
  const { useKeyStore } = await import('./key-store');
  const { useRunStore } = (await import('./run-store')) as unknown as { useRunStore: UseBoundStore<StoreApi<FakeRunStore>> };
  await hydrateLibrary();
  return { ...publish, store: () => publish.usePublishStore.getState(), lib: () => useLibraryStore.getState(), pg: () => usePlaygroundStore.getState(), keys: useKeyStore, run: useRunStore };
}

/** A fake server: records what it was sent and answers with `answer`. */
function server(answer: (init: RequestInit | undefined, url: string) => Response) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchFn = vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return answer(init, url);
  });
  return { calls, fetchFn };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('Publish', () => {
  it('sends the payload a hash link carries (with the run when asked), keeps the delete token in the item, and Unpublish sends it back', async () => {
    const t = await load();
    t.run.setState({ events: recorded });
    const { calls, fetchFn } = server((init) => (init?.method === 'POST' ? json(201, { id: ID, url: URL_OF(ID), deleteToken: 'the-token' }) : new Response(null, { status: 204 })));
    await t.store().publish(true, fetchFn);
    expect(calls[0]!.url).toBe('/api/playgrounds');
    expect(JSON.parse(calls[0]!.init!.body as string)).toEqual({ playground: t.pg().doc, run: { events: compactEvents(recorded) } });
    expect(t.store().last).toMatchObject({ id: ID, url: URL_OF(ID), withRun: true, created: true });
    const item = () => t.lib().items.find((i) => i.id === t.lib().currentId)!;
    expect(item().publications).toEqual([expect.objectContaining({ id: ID, deleteToken: 'the-token', withRun: true })]);

    await t.store().unpublish(ID, fetchFn);
    expect(calls[1]).toMatchObject({ url: `/api/playgrounds/${ID}`, init: { method: 'DELETE', headers: { 'X-Delete-Token': 'the-token' } } });
    expect(item().publications).toBeUndefined();
    expect(t.store().last).toBeUndefined();
    expect(t.store().info).toContain('Unpublished');
  });

  it('without the run sends the playground alone; the same content again (200) gives the same link and keeps the token', async () => {
    const t = await load();
    t.run.setState({ events: recorded });
    let first = true;
    const { calls, fetchFn } = server(() => {
      const answer = first ? json(201, { id: ID, url: URL_OF(ID), deleteToken: 'the-token' }) : json(200, { id: ID, url: URL_OF(ID) });
      first = false;
      return answer;
    });
    await t.store().publish(false, fetchFn);
    await t.store().publish(false, fetchFn);
    expect(JSON.parse(calls[0]!.init!.body as string)).toEqual({ playground: t.pg().doc });
    expect(t.store().last).toMatchObject({ id: ID, created: false, withRun: false });
    expect(t.store().info).toContain('published before from this playground');
    expect(t.lib().items.find((i) => i.id === t.lib().currentId)!.publications).toHaveLength(1);
  });

  it('gives the short link on the origin the page was opened from, whatever name the server knows itself by', async () => {
    const t = await load();
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:3133' });
    await t.store().publish(false, async () => json(201, { id: ID, url: `http://localhost:3133/p/${ID}`, deleteToken: 'tok' }));
    expect(t.store().last?.url).toBe(`http://127.0.0.1:3133/p/${ID}`);
    expect(t.lib().items[0]!.publications![0]!.url).toBe(`http://127.0.0.1:3133/p/${ID}`);
  });

  it('refuses, before sending anything, a playground holding a key this browser has', async () => {
    const t = await load();
    t.keys.getState().setKey('openai', KEY);
    t.pg().setTask(`Use ${KEY} please`);
    const { calls, fetchFn } = server(() => json(201, {}));
    await t.store().publish(false, fetchFn);
    expect(calls).toHaveLength(0);
    expect(t.store().error).toContain('keys never leave this browser');
  });

  it('says clearly what went wrong: schema problems, too big, too many (with when to retry), no server; nothing is kept', async () => {
    const t = await load();
    const cases: [Response | Error, RegExp][] = [
      [json(400, { error: 'The playground is not valid.', problems: ['task: Required', { path: 'model.provider', message: 'Invalid option' }] }), /refused this playground \(The playground is not valid\)\.\n• task: Required\n• model\.provider: Invalid option/],
      [json(413, { error: 'Past 1 MB of JSON' }), /too big to publish \(Past 1 MB of JSON\)\. Share it as a file instead/],
      [json(429, { error: 'Too many publishes' }, { 'Retry-After': '600' }), /try again in 10 minutes/],
      [new TypeError('Failed to fetch'), /could not be reached \(Failed to fetch\), so nothing was published/],
      [json(409, { error: 'A different playground is already published under this content id' }), /Change anything in it \(its title, say\) and publish again/],
      [json(503, { error: 'The database cannot be reached' }), /HTTP 503: The database cannot be reached/],
    ];
    for (const [answer, message] of cases) {
      await t.store().publish(false, async () => {
        if (answer instanceof Error) throw answer;
        return answer;
      });
      expect(t.store().error).toMatch(message);
      expect(t.store().error).toContain('Your playground is unchanged');
      expect(t.store().busy).toBeUndefined();
    }
    expect(t.lib().items.find((i) => i.id === t.lib().currentId)!.publications).toBeUndefined();
  });

  it('a refused token keeps it (the record is still published); a record already gone is forgotten', async () => {
    const t = await load();
    t.lib().addPublication(t.lib().currentId!, { id: ID, url: URL_OF(ID), deleteToken: 'tok', withRun: false, publishedAt: 1 });
    await t.store().unpublish(ID, async () => json(403, { error: 'Wrong token' }));
    expect(t.store().error).toContain('still published');
    expect(t.lib().items[0]!.publications).toHaveLength(1);
    await t.store().unpublish(ID, async () => json(404, { error: 'Not found' }));
    expect(t.store().info).toContain('no longer had');
    expect(t.lib().items[0]!.publications).toBeUndefined();
  });
});

describe('the embed snippet', () => {
  it('points at /embed/<id> of the short link, with a title that cannot break out of its attribute', async () => {
    const { embedSnippet } = await load();
    const snippet = embedSnippet(URL_OF(ID), 'Cities "hot" & <cold>');
    expect(snippet).toContain(`src="http://app.test/embed/${ID}"`);
    expect(snippet).toContain('title="Cities &quot;hot&quot; &amp; &lt;cold&gt; (Agent Playground)"');
    expect(snippet).toMatch(/^<iframe [^>]*><\/iframe>$/);
  });

  it('reads Retry-After in seconds or as a date', async () => {
    const { retryAfterText } = await load();
    expect(retryAfterText('30')).toBe('in 30 seconds');
    expect(retryAfterText(new Date(Date.UTC(2026, 0, 1, 10, 5)).toUTCString(), Date.UTC(2026, 0, 1, 10, 0))).toBe('in 5 minutes');
    expect(retryAfterText(null)).toBe('later');
  });
});
