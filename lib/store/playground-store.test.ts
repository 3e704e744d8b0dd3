import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES } from '../playground/examples';
import { memoryStorage } from '../test-support/memory-storage';

// Each test loads the store afresh against its own storage, as a page load would.
async function loadStore(saved: Record<string, string> = {}, quota?: number) {
  const storage = memoryStorage(saved, { quota });
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  const mod = await import('./playground-store');
  const problems = await import('./save-problem-store');
  await mod.hydratePlaygroundStore();
  return { ...mod, storage, store: mod.usePlaygroundStore, problem: () => problems.useSaveProblemStore.getState().problem, problems };
}

beforeEach(() => vi.unstubAllGlobals());

describe('the playground store', () => {
  it('starts a first visit with the first bundled example', async () => {
    const { store } = await loadStore();
    expect(store.getState().doc).toEqual(EXAMPLES[0]!.playground);
    expect(store.getState().notice).toBeUndefined();
  });

  it('keeps every edit across a reload', async () => {
    const first = await loadStore();
    first.store.getState().setTitle('My agent');
    first.store.getState().setTask('Count to three.');
    first.store.getState().setTools('/** Says hi. */\nexport function hi(): string { return "hi"; }');
    first.store.getState().updateAgent({ maxSteps: 7 });
    const saved = first.storage.getItem(first.STORAGE_KEY)!;

    const second = await loadStore({ [first.STORAGE_KEY]: saved });
    const doc = second.store.getState().doc;
    expect([doc.title, doc.task, doc.agent.maxSteps]).toEqual(['My agent', 'Count to three.', 7]);
    expect(doc.tools).toContain('export function hi()');
  });

  it('keeps corrupted storage aside, says so, and starts with defaults', async () => {
    const { store, storage, STORAGE_KEY, BACKUP_PREFIX } = await loadStore({ 'agent-playground:playground': '{"state": {"doc": ' });
    const notice = store.getState().notice!;
    expect(notice.kind).toBe('recovered');
    expect(notice.message).toMatch(/could not be opened: it is not valid JSON/);
    expect(notice.backupKey).toMatch(new RegExp(`^${BACKUP_PREFIX}`));
    expect(storage.getItem(notice.backupKey!)).toBe('{"state": {"doc": ');
    expect(store.getState().doc).toEqual(EXAMPLES[0]!.playground);
    store.getState().setTask('new work');
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).state.doc.task).toBe('new work');
    expect(storage.getItem(notice.backupKey!)).toBe('{"state": {"doc": ');
  });

  it('sets aside a saved playground that fails validation, naming the bad field', async () => {
    const bad = JSON.stringify({ version: 1, state: { doc: { ...EXAMPLES[0]!.playground, agent: { maxSteps: -1 } } } });
    const { store } = await loadStore({ 'agent-playground:playground': bad });
    expect(store.getState().notice?.message).toMatch(/agent\.maxSteps/);
  });

  it('switching to the manual model and back keeps the recorded responses', async () => {
    const { store } = await loadStore();
    const responses = store.getState().doc.model;
    store.getState().setModelProvider('manual');
    expect(store.getState().doc.model).toEqual({ provider: 'manual' });
    store.getState().setModelProvider('replay');
    expect(store.getState().doc.model).toEqual(responses);
  });

  it('switching models keeps the settings of each one aside, across a reload, and never stores a key', async () => {
    const first = await loadStore();
    const api = () => first.store.getState();
    const responses = (api().doc.model as { responses: unknown[] }).responses.length;
    api().setModelProvider('openai-compatible');
    expect(api().doc.model).toMatchObject({ provider: 'openai-compatible', preset: 'ollama', baseURL: 'http://localhost:11434/v1', via: 'browser' });
    api().updateProviderModel({ model: 'qwen2.5-coder', baseURL: 'http://127.0.0.1:8000/v1' });
    api().setModelProvider('openai');
    expect(api().doc.model).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini' });
    api().setModelProvider('replay');
    expect((api().doc.model as { responses: unknown[] }).responses).toHaveLength(responses);

    const second = await loadStore({ [first.STORAGE_KEY]: first.storage.getItem(first.STORAGE_KEY)! });
    second.store.getState().setModelProvider('openai-compatible');
    expect(second.store.getState().doc.model).toMatchObject({ model: 'qwen2.5-coder', baseURL: 'http://127.0.0.1:8000/v1' });
    expect(first.storage.getItem(first.STORAGE_KEY)).not.toMatch(/apiKey|sk-/);
  });
  it('opens another document with its own kept settings, replacing the old ones', async () => {
    const first = await loadStore();
    const api = () => first.store.getState();
    api().setModelProvider('openai');
    const opened = { ...EXAMPLES[0]!.playground, title: 'Opened' };
    const providerStash = { anthropic: { provider: 'anthropic', model: 'claude-x', via: 'browser', timeoutMs: 120_000, maxRetries: 3 } } as const;
    api().openDocument(opened, { providerStash });
    expect(api().doc).toEqual(opened);
    expect([api().replayStash, api().exampleId]).toEqual([undefined, undefined]);
    expect(api().providerStash).toEqual(providerStash);

    const second = await loadStore({ [first.STORAGE_KEY]: first.storage.getItem(first.STORAGE_KEY)! });
    expect(second.store.getState().doc.title).toBe('Opened');
    second.store.getState().setModelProvider('anthropic');
    expect(second.store.getState().doc.model).toMatchObject({ provider: 'anthropic', model: 'claude-x' });
  });

  it('a save that fails is reported once, never retries itself, and the next edit tries again', async () => {
    const t = await loadStore({}, Infinity);
    const api = () => t.store.getState();
    t.storage.quota = 0;
    const before = t.storage.writes;
    api().setTask('a task that does not fit');
    // One write was tried: the notice it raised is not a change the store tries to save again.
    expect(t.storage.writes - before).toBe(1);
    expect(t.problem()).toMatchObject({ full: true, message: expect.stringMatching(/storage for the app is full(.|\n)*Export the playground/) });
    expect(api().notice).toBeUndefined();
    t.problems.useSaveProblemStore.getState().dismiss();
    t.store.setState({ hydrated: true });
    expect(t.storage.writes - before).toBe(1);
    api().setTask('another edit');
    expect(t.storage.writes - before).toBe(2);
    // Still the same failing streak: not reported again.
    expect(t.problem()).toBeUndefined();
    t.storage.quota = Infinity;
    api().setTask('saved at last');
    expect(JSON.parse(t.storage.getItem(t.STORAGE_KEY)!).state.doc.task).toBe('saved at last');
    t.storage.quota = 0;
    api().setTask('full again');
    expect(t.problem()).toBeDefined();
  });

  it('a document too deep to save is reported, not thrown', async () => {
    const t = await loadStore();
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const doc = { ...t.store.getState().doc, model: { provider: 'replay' as const, delayMs: 0, responses: [{ toolCalls: [{ name: 'add', arguments: { a: deep } }] }] } };
    expect(() => t.store.getState().openDocument(doc)).not.toThrow();
    expect(t.problem()?.message).toMatch(/could not be saved/);
  });
});
