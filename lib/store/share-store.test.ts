import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeOtlpProtobuf } from '../test-support/decode-otlp-protobuf';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { AgentEvent } from '../agent';
import { EXAMPLES } from '../playground/examples';
import type { Playground } from '../playground/schema';
import { compactEvents, decodeShareHash, encodeShareHash, LINK_WARN_LENGTH } from '../share/share-link';
import { deepNestingHash, inflationHash } from '../test-support/hostile-links';
import { memoryStorage } from '../test-support/memory-storage';
import { runToEnd } from '../test-support/playgrounds';
import { parseTrace, traceFromEvents } from '../trace/trace';

// The run store talks to a worker; these tests need its phase, its events, showRecorded, and to know nothing started.
interface FakeRunStore {
  phase: 'idle' | 'running';
  events: AgentEvent[];
  started: number;
  start: () => void;
  /** The library item the timeline shows. */
  itemId?: string;
  showRecorded: (events: AgentEvent[], itemId?: string) => void;
  showItem: (itemId: string) => void;
}
vi.mock('./run-store', async () => {
  const { create } = await import('zustand');
  const useRunStore = create<FakeRunStore>((set, get) => ({
    phase: 'idle',
    events: [],
    started: 0,
    start: () => set({ started: get().started + 1 }),
    showRecorded: (events, itemId) => set({ events, itemId }),
    showItem: (itemId) => set({ events: [], itemId }),
  }));
  return { useRunStore };
});

const KEY = 'sk-test-SECRET-0123456789';
const example = EXAMPLES[0]!;
/** The replay model a link with the example's CodeAgent run opens with: that run's responses, the example's pace. */
const replayOfRecorded = () => {
  const model = example.playground.model;
  if (model.provider !== 'replay' || Array.isArray(model.responses)) throw new Error('the first example keeps responses per agent type');
  return { ...model, responses: model.responses.code };
};
let recorded: AgentEvent[];
beforeAll(async () => {
  recorded = (await runToEnd(example.playground)).events;
});

async function load(saved: Record<string, string> = {}, storage = memoryStorage(saved)) {
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  await import('../share/link-dictionary-register'); // as after the Share dialog or a link has loaded it
  const share = await import('./share-store');
  const { useLibraryStore, hydrateLibrary } = await import('./library-store');
  const { usePlaygroundStore } = await import('./playground-store');
  const { useKeyStore } = await import('./key-store');
  const { useRunStore } = (await import('./run-store')) as unknown as { useRunStore: UseBoundStore<StoreApi<FakeRunStore>> };
  useRunStore.setState({ phase: 'idle', events: [], started: 0 });
  await hydrateLibrary();
  return {
    ...share,
    storage,
    share: () => share.useShareStore.getState(),
    lib: () => useLibraryStore.getState(),
    pg: () => usePlaygroundStore.getState(),
    keys: useKeyStore,
    run: useRunStore,
  };
}

beforeEach(() => vi.unstubAllGlobals());

const ORIGIN = 'http://127.0.0.1:3000';
const hashOf = (url: string) => url.slice(url.indexOf('#'));
const withModel = (doc: Playground, model: Playground['model']): Playground => ({ ...doc, model });
const OPENAI = { provider: 'openai', model: 'gpt-4.1-mini', via: 'browser', timeoutMs: 120_000, maxRetries: 3 } as const;

describe('making a link', () => {
  it('carries the document, and the run when asked, and never a key', async () => {
    const t = await load();
    t.keys.getState().setKey('openai', KEY);
    t.pg().setModelProvider('openai');
    t.run.setState({ events: recorded });

    const plain = t.makeShareLink(false, ORIGIN);
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.url.startsWith(`${ORIGIN}/#share=2.`)).toBe(true);
    expect([plain.length, plain.tooLong, plain.withRun]).toEqual([plain.url.length, false, false]);
    const decoded = decodeShareHash(hashOf(plain.url));
    expect(decoded.ok && decoded.payload).toEqual({ playground: t.pg().doc });

    // The run was made before the model changed, but with the same task: it can go with the link.
    const withRun = t.makeShareLink(true, ORIGIN);
    if (!withRun.ok) throw new Error(withRun.message);
    const both = decodeShareHash(hashOf(withRun.url));
    expect(both.ok && both.payload.run?.events.length).toBe(recorded.filter((e) => e.type !== 'model_delta').length);
    for (const url of [plain.url, withRun.url]) {
      const payload = decodeShareHash(hashOf(url));
      expect(JSON.stringify(payload)).not.toContain(KEY);
      expect(url).not.toContain(KEY);
    }
  });

  it('refuses, saying why, when the playground itself contains a key this browser holds', async () => {
    const t = await load();
    t.keys.getState().setKey('anthropic', KEY);
    t.pg().setTools(`const key = "${KEY}";\n${t.pg().doc.tools}`);
    const link = t.makeShareLink(false, ORIGIN);
    expect(link.ok).toBe(false);
    expect(!link.ok && link.message).toMatch(/API key you entered for anthropic appears in this playground/);
    const file = t.makeExport('playground');
    expect(!file.ok && file.message).toMatch(/so the file was not made/);
  });

  it('refuses the same way when the playground contains an OpenTelemetry header value', async () => {
    const t = await load();
    const { useOtlpStore } = await import('./otlp-store');
    useOtlpStore.setState({ headersText: `Authorization: Bearer ${KEY}` });
    t.pg().setTools(`const key = "Bearer ${KEY}";\n${t.pg().doc.tools}`);
    const link = t.makeShareLink(false, ORIGIN);
    expect(!link.ok && link.message).toMatch(/value you entered for the OpenTelemetry header Authorization appears in this playground/);
    expect(t.makeExport('playground').ok).toBe(false);
  });

  it('leaves out a run made with another task, and says why', async () => {
    const t = await load();
    t.run.setState({ events: recorded });
    expect(t.currentRunShareability().ok).toBe(true);
    t.pg().setTask('something else');
    expect(t.currentRunShareability()).toEqual({ ok: false, reason: expect.stringMatching(/another task/) });
    const link = t.makeShareLink(true, ORIGIN);
    expect(link.ok && link.withRun).toBe(false);
    expect(t.makeExport('trace')).toEqual({ ok: false, message: expect.stringMatching(/another task/) });
    expect(t.makeExport('otlp').ok).toBe(true);
    t.run.setState({ phase: 'running' });
    expect(t.runShareability(recorded, example.playground, true)).toEqual({ ok: false, reason: 'The run is still going.' });
  });

  it('says when a link is too long to send', async () => {
    const t = await load();
    // Incompressible text, so the link really is long.
    let seed = 7;
    const noise = Array.from({ length: LINK_WARN_LENGTH }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    t.pg().setTask(noise);
    const link = t.makeShareLink(false, ORIGIN);
    expect(link.ok && link.tooLong).toBe(true);
    const file = t.makeShareFile(false);
    expect(file.ok && file.name).toMatch(/\.playground\.json$/);
  });
});

describe('opening a link', () => {
  it('adds the shared playground to the library and opens it, keeps the person’s own, shows a banner, and runs nothing', async () => {
    const t = await load();
    t.pg().setTask('my own work');
    const mine = t.lib().currentId!;
    const shared = { ...EXAMPLES[1]!.playground, title: 'From a teacher' };
    t.share().openLink(`#${encodeShareHash({ playground: shared })}`);
    expect(t.pg().doc).toEqual(shared);
    expect(t.lib().items.map((i) => i.title)).toEqual([example.playground.title, 'From a teacher']);
    expect(t.lib().items.find((i) => i.id === mine)!.doc.task).toBe('my own work');
    expect(t.share().banner).toEqual({ itemId: t.lib().currentId, source: 'link', timeline: false });
    expect(t.run.getState().started).toBe(0);
  });

  it('with a run: shows its timeline at once, sets the model to replay it, and keeps the real model aside', async () => {
    const t = await load();
    const shared = withModel(example.playground, OPENAI);
    t.share().openLink(`#${encodeShareHash({ playground: shared, run: { events: recorded } })}`);
    const shown = t.run.getState().events;
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.some((e) => e.type === 'model_delta')).toBe(false);
    expect(t.pg().doc.model).toEqual({ ...replayOfRecorded(), delayMs: 0 });
    expect(t.pg().providerStash).toEqual({ openai: OPENAI });
    expect(t.share().banner).toMatchObject({ timeline: true, recordedWith: 'replay', keptModel: 'OpenAI (gpt-4.1-mini)' });
    expect(t.run.getState().started).toBe(0);
    // Choosing OpenAI brings its settings back.
    t.pg().setModelProvider('openai');
    expect(t.pg().doc.model).toEqual(OPENAI);
  });

  it('a recorded replay keeps its pace, and nothing is set aside', async () => {
    const t = await load();
    t.share().openLink(`#${encodeShareHash({ playground: example.playground, run: { events: recorded } })}`);
    expect(t.pg().doc.model).toEqual(replayOfRecorded());
    expect(t.pg().providerStash).toBeUndefined();
    expect(t.share().banner).toEqual({ itemId: t.lib().currentId, source: 'link', timeline: true, recordedWith: 'replay' });
  });

  it('a broken or tampered link gives a clear message and changes nothing', async () => {
    const t = await load();
    t.pg().setTask('my own work');
    const before = { doc: t.pg().doc, items: t.lib().items };
    const good = `#${encodeShareHash({ playground: example.playground })}`;
    for (const hash of [good.slice(0, good.length - 30), `${good.slice(0, 40)}A${good.slice(41)}`, '#share=1.', '#share=9.abc', '#share=1.%%%']) {
      t.share().openLink(hash);
      const notice = t.share().notice!;
      expect(notice.tone).toBe('error');
      expect(notice.message).toMatch(/^This share link could not be opened\. .{20,}\nYour own playground is unchanged\.$/s);
      expect(t.pg().doc).toBe(before.doc);
      expect(t.lib().items).toBe(before.items);
      expect(t.share().banner).toBeUndefined();
    }
  });

  it('a link nested 200,000 deep or unpacking to 5.5 M characters is refused, naming the limit, and storage is left as it was', async () => {
    const t = await load();
    t.pg().setTask('my own work');
    const stored = () => [t.storage.getItem('agent-playground:playground'), t.storage.getItem('agent-playground:library')];
    const before = stored();
    for (const [hash, message] of [
      [deepNestingHash(), /nests 200,0\d\d levels deep; links may nest at most 64/],
      [inflationHash(), /more than 2 MB of data; links may hold at most 2 MB/],
    ] as const) {
      t.share().openLink(`#${hash}`);
      expect(t.share().notice?.message).toMatch(message);
      expect(t.share().notice?.message).toMatch(/Your own playground is unchanged\.$/);
      expect(stored()).toEqual(before);
      expect(t.lib().items).toHaveLength(1);
    }
  });

  it('a link whose save fails still opens in this tab, untrusted, with its banner; the person’s own item stays stored', async () => {
    const storage = memoryStorage();
    const t = await load({}, storage);
    t.pg().setTask('my own work');
    storage.quota = 0;
    t.share().openLink(`#${encodeShareHash({ playground: withModel(example.playground, OPENAI) })}`);
    const { useTrustStore } = await import('./trust-store');
    const { useSaveProblemStore } = await import('./save-problem-store');
    const itemId = t.lib().currentId!;
    expect(t.share().banner).toMatchObject({ itemId, source: 'link' });
    expect(useTrustStore.getState().untrusted[itemId]).toEqual({ source: 'link', accepted: [] });
    expect(useSaveProblemStore.getState().problem?.full).toBe(true);
    storage.quota = Infinity;
    const again = await load({}, storage);
    expect(again.pg().doc.task).toBe('my own work');
    expect(again.lib().items).toHaveLength(1);
  });

  it('at start: opens the link in the address, then takes it out of the address', async () => {
    const t = await load();
    const loc = { origin: ORIGIN, pathname: '/', search: '', hash: `#${encodeShareHash({ playground: EXAMPLES[2]!.playground })}` };
    const listeners: string[] = [];
    vi.stubGlobal('location', loc);
    vi.stubGlobal('history', { state: null, replaceState: (_s: unknown, _t: string, url: string) => (loc.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '') });
    vi.stubGlobal('window', { addEventListener: (type: string) => listeners.push(type) });
    await t.startSharing();
    expect(t.pg().doc).toEqual(EXAMPLES[2]!.playground);
    expect(loc.hash).toBe('');
    expect(listeners).toContain('hashchange');
  });
});

describe('opening a published record (/p/<id>)', () => {
  it('at start: opens like a link with the same payload (untrusted, banner, recorded run shown, nothing runs), and the address becomes the app’s', async () => {
    const t = await load();
    const loc = { origin: ORIGIN, pathname: '/p/Ab3_-xYz0123', search: '', hash: '' };
    const replaced: string[] = [];
    vi.stubGlobal('location', loc);
    vi.stubGlobal('history', { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) });
    vi.stubGlobal('window', { addEventListener: () => undefined });
    const shared = withModel(example.playground, OPENAI);
    // Published as the Share dialog publishes: the payload its hash link carries.
    t.openPublishedOnStart(JSON.parse(JSON.stringify({ playground: shared, run: { events: compactEvents(recorded) } })));
    await t.startSharing();
    expect(replaced).toEqual(['/']);
    const itemId = t.lib().currentId!;
    expect(t.lib().items).toHaveLength(2);
    expect(t.share().banner).toMatchObject({ itemId, source: 'link', timeline: true, recordedWith: 'replay' });
    expect((await import('./trust-store')).useTrustStore.getState().untrusted[itemId]).toMatchObject({ source: 'link' });
    expect(t.run.getState().events.length).toBeGreaterThan(0);
    expect(t.run.getState().started).toBe(0);
    // The same content as a hash link opens the same item: nothing is added.
    t.share().openLink(`#${encodeShareHash({ playground: shared, run: { events: recorded } })}`);
    expect(t.lib().items).toHaveLength(2);
    expect(t.share().notice?.message).toContain('opened before');
  });

  it('a broken record gives a clear message and changes nothing', async () => {
    const t = await load();
    expect(t.share().openPublished({ playground: { nope: true } })).toBe(false);
    expect(t.share().notice).toMatchObject({ tone: 'error', message: expect.stringContaining('This published playground could not be opened: its playground is not valid') });
    expect(t.lib().items).toHaveLength(1);
  });
});

describe('links to a step', () => {
  const stubAddress = (hash: string) => {
    const loc = { origin: ORIGIN, pathname: '/', search: '', hash };
    vi.stubGlobal('location', loc);
    vi.stubGlobal('history', { state: null, replaceState: (_s: unknown, _t: string, url: string) => (loc.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '') });
    vi.stubGlobal('window', { addEventListener: () => undefined });
    return loc;
  };
  const focus = async () => (await import('./step-focus-store')).useStepFocusStore.getState();

  it('a link with its run names a step: the run opens and that step is asked for; the address keeps only the step', async () => {
    const t = await load();
    t.run.setState({ events: recorded });
    const link = t.shareLinkFor(example.playground, recorded, {}, ORIGIN, 2);
    if (!link.ok) throw new Error(link.message);
    expect(link.url).toMatch(/#share=2\.[\w-]+&step=2$/);
    t.run.setState({ events: [] });
    const loc = stubAddress(hashOf(link.url));
    await t.startSharing();
    expect(t.run.getState().events.length).toBeGreaterThan(0);
    expect((await focus()).request).toMatchObject({ step: 2 });
    expect(loc.hash).toBe('#step=2');
  });

  it('the app’s own address can name a step of the run on screen; a bad step says why and opens nothing else', async () => {
    const t = await load();
    stubAddress('#step=3');
    t.openLinkInAddress();
    expect((await focus()).request).toMatchObject({ step: 3 });
    stubAddress('#step=three');
    t.openLinkInAddress();
    expect(await focus()).toMatchObject({ request: undefined, problem: 'The link names step “three”, which is not a step number (steps are counted from 1).' });
    expect(t.lib().items).toHaveLength(1);
  });

  it('a broken share link asks for no step', async () => {
    const t = await load();
    stubAddress('#share=1.!!!&step=2');
    t.openLinkInAddress();
    expect(t.share().notice?.tone).toBe('error');
    expect((await focus()).request).toBeUndefined();
  });

  it('a link without its run names no step', async () => {
    const t = await load();
    const link = t.shareLinkFor(example.playground, undefined, {}, ORIGIN, 2);
    expect(link.ok && link.url).not.toContain('step=');
  });
});

describe('files', () => {
  it('exports the playground, the trace and OpenTelemetry JSON, none with a key', async () => {
    const t = await load();
    t.keys.getState().setKey('openai', KEY);
    expect(t.makeExport('trace')).toEqual({ ok: false, message: expect.stringMatching(/no recorded run/) });
    t.run.setState({ events: recorded });
    const files = (['playground', 'trace', 'otlp'] as const).map((kind) => t.makeExport(kind));
    expect(files.map((f) => f.ok && f.name)).toEqual(['warmest-city-tomorrow.playground.json', 'warmest-city-tomorrow.trace.json', 'warmest-city-tomorrow.otlp.json']);
    for (const f of files) expect(f.ok && f.text).not.toContain(KEY);
    const [pg, trace, otlp] = files.map((f) => JSON.parse(f.ok ? f.text : '{}'));
    expect(pg).toEqual(example.playground);
    expect(parseTrace(trace).events!.length).toBeGreaterThan(0);
    expect(otlp.resourceSpans[0].scopeSpans[0].spans.length).toBeGreaterThan(0);

    const pb = await t.makeOtlpProtobufExport();
    expect(pb.ok && pb.name).toBe('warmest-city-tomorrow.otlp.pb');
    const decoded = decodeOtlpProtobuf(pb.ok ? pb.bytes : new Uint8Array());
    expect(decoded.resourceSpans[0]!.scopeSpans[0]!.spans.map((s) => s.name)).toEqual(otlp.resourceSpans[0].scopeSpans[0].spans.map((s: { name: string }) => s.name));
    expect(Buffer.from(pb.ok ? pb.bytes : []).toString('latin1')).not.toContain(KEY);
  });

  it('imports a playground file into the library and opens it', async () => {
    const t = await load();
    t.share().importFile('mine.json', JSON.stringify(EXAMPLES[3]!.playground));
    expect(t.pg().doc).toEqual(EXAMPLES[3]!.playground);
    expect(t.lib().items).toHaveLength(2);
    expect(t.share().banner).toMatchObject({ source: 'playground-file', timeline: false });
  });

  it('imports a trace: its timeline is shown and the model replays it', async () => {
    const t = await load();
    const trace = traceFromEvents(withModel(example.playground, OPENAI), recorded);
    t.share().importFile('run.trace.json', JSON.stringify(trace));
    expect(t.run.getState().events).toEqual(trace.events);
    expect(t.pg().doc.model).toEqual({ ...replayOfRecorded(), delayMs: 0 });
    expect(t.share().banner).toMatchObject({ source: 'trace-file', timeline: true, recordedWith: 'replay', keptModel: 'OpenAI (gpt-4.1-mini)' });
    // A trace without its event log still replays; there is just no timeline until Run.
    const { events: _events, ...old } = trace;
    void _events;
    t.share().importFile('old.trace.json', JSON.stringify(old));
    expect(t.share().banner).toMatchObject({ timeline: false, recordedWith: 'replay' });
  });

  it('explains what is wrong with a bad file, naming the file and the fields, and changes nothing', async () => {
    const t = await load();
    const before = t.pg().doc;
    const cases: [string, string | null, RegExp][] = [
      ['huge.json', null, /“huge\.json” could not be imported: it is more than 2 MB of data; playground and trace files may hold at most 2 MB\./],
      ['deep.json', `{"version":1,"title":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, /“deep\.json” could not be imported: it nests 200,001 levels deep; playground and trace files may nest at most 64\./],
      ['long.json', JSON.stringify({ version: 1, model: { provider: 'replay', responses: Array.from({ length: 10_001 }, () => 'a') } }), /has a list of 10,001 items; playground and trace files may hold at most 10,000/],
      ['big.json', JSON.stringify({ version: 1, task: 'x'.repeat(2_100_000) }), /“big\.json” could not be imported: it is more than 2 MB of data/],
      ['a.json', '{"version": 1, "title": ', /“a\.json” could not be imported: it is not valid JSON/],
      ['b.json', '[1, 2]', /not a playground or a trace/],
      ['c.json', JSON.stringify({ version: 1, agent: { maxSteps: 0 }, model: { provider: 'openai', apiKey: 'x' } }), /not a valid playground\. What is wrong:\n(.|\n)*agent\.maxSteps(.|\n)*secrets such as API keys never belong/],
      ['d.json', JSON.stringify({ version: 2 }), /version 2 is newer than this app understands/],
      ['e.json', JSON.stringify({ version: 1, playground: example.playground, state: 'won', steps: [] }), /looks like a trace, but these fields are wrong:\n(.|\n)*state/],
      ['f.json', JSON.stringify({ resourceSpans: [] }), /OpenTelemetry export/],
    ];
    for (const [name, text, message] of cases) {
      t.share().importFile(name, text);
      expect(t.share().notice?.message).toMatch(message);
      expect(t.pg().doc).toBe(before);
    }
    expect(t.lib().items).toHaveLength(1);
  });

  it('names files after the title', async () => {
    const { fileSlug } = await load();
    expect(fileSlug('Météo: Oslo vs. Lisbon!')).toBe('meteo-oslo-vs-lisbon');
    expect(fileSlug('???')).toBe('playground');
  });
});

describe('opening the same thing again', () => {
  const linkOf = (doc: Playground, events?: AgentEvent[]) => `#${encodeShareHash({ playground: doc, ...(events ? { run: { events } } : {}) })}`;
  const untrusted = async () => (await import('./trust-store')).useTrustStore.getState().untrusted;

  it('opens the item a link was opened as, even after edits and a reload, adds nothing, says which item, and keeps its review', async () => {
    const t = await load();
    const mine = t.lib().currentId!;
    const hash = linkOf({ ...EXAMPLES[1]!.playground, title: 'From a teacher' });
    t.share().openLink(hash);
    const opened = t.lib().currentId!;
    expect(t.lib().items).toHaveLength(2);
    t.pg().setTask('my edit of the shared one');
    t.lib().open(mine);

    t.share().openLink(hash);
    expect(t.lib().items).toHaveLength(2);
    expect(t.lib().currentId).toBe(opened);
    expect(t.pg().doc.task).toBe('my edit of the shared one');
    expect(t.share().notice).toEqual({ tone: 'info', message: expect.stringContaining('This link was opened before: “From a teacher”') });
    expect((await untrusted())[opened]).toMatchObject({ source: 'link' });
    expect(t.share().banner).toMatchObject({ itemId: opened, source: 'link' });

    // After a reload too; another link still opens as a new item.
    const again = await load({}, t.storage);
    again.lib().open(mine);
    again.share().openLink(hash);
    expect([again.lib().items.length, again.lib().currentId]).toEqual([2, opened]);
    again.share().openLink(linkOf({ ...EXAMPLES[1]!.playground, title: 'Another one' }));
    expect(again.lib().items).toHaveLength(3);
  });

  it('shows the link’s recorded run as that item’s run when its timeline is empty', async () => {
    const t = await load();
    const mine = t.lib().currentId!;
    const hash = linkOf(example.playground, recorded.filter((e) => e.type !== 'model_delta'));
    t.share().openLink(hash);
    const opened = t.lib().currentId!;
    expect(t.run.getState()).toMatchObject({ itemId: opened });
    t.lib().open(mine);
    expect(t.run.getState().events).toEqual([]);
    t.share().openLink(hash);
    expect(t.run.getState().itemId).toBe(opened);
    expect(t.run.getState().events.length).toBeGreaterThan(0);
  });

  it('a trace or playground exported from this browser imports as the person’s own; anyone else’s, or an altered one, stays under review', async () => {
    const t = await load();
    t.run.setState({ events: recorded });
    const trace = t.makeExport('trace');
    const pg = t.makeExport('playground');
    if (!trace.ok || !pg.ok) throw new Error('export failed');
    // The file carries nothing that names this browser.
    expect(Object.keys(JSON.parse(trace.text)).sort()).toEqual(Object.keys(traceFromEvents(example.playground, recorded)).sort());

    t.share().importFile(trace.name, trace.text);
    const ownTrace = t.lib().currentId!;
    expect((await untrusted())[ownTrace]).toBeUndefined();
    expect(t.share().banner).toBeUndefined();
    expect(t.share().notice).toEqual({ tone: 'info', message: expect.stringContaining(`“${trace.name}” was exported from this browser, so it opened as your own playground.`) });
    expect(t.run.getState().events).toEqual(JSON.parse(trace.text).events);

    // Laid out differently, it is still the same content.
    t.share().importFile(pg.name, JSON.stringify(JSON.parse(pg.text)));
    expect((await untrusted())[t.lib().currentId!]).toBeUndefined();

    // The same file with one change is not the one exported.
    const altered = { ...JSON.parse(trace.text), playground: { ...JSON.parse(trace.text).playground, tools: 'export function add(a: number, b: number) { return a - b; }' } };
    t.share().importFile('altered.trace.json', JSON.stringify(altered));
    expect((await untrusted())[t.lib().currentId!]).toMatchObject({ source: 'trace-file' });
    expect(t.share().banner).toMatchObject({ source: 'trace-file' });

    // Another browser (its own storage) never exported it.
    const other = await load();
    other.share().importFile(trace.name, trace.text);
    expect((await untrusted())[other.lib().currentId!]).toMatchObject({ source: 'trace-file' });
    expect(other.share().banner).toMatchObject({ source: 'trace-file', timeline: true });
  });
});
