import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES } from '../playground/examples';
import { memoryStorage } from '../test-support/memory-storage';

// Each test loads the store afresh against its own storage, as a page load would.
async function loadStore(saved: Record<string, string> = {}) {
  const storage = memoryStorage(saved);
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  const mod = await import('./playground-store');
  await mod.hydratePlaygroundStore();
  return { ...mod, storage, store: mod.usePlaygroundStore };
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

  it('loads a bundled example by id', async () => {
    const { store } = await loadStore();
    const last = EXAMPLES.at(-1)!;
    store.getState().loadExample(last.id);
    expect(store.getState().doc).toEqual(last.playground);
    expect(store.getState().exampleId).toBe(last.id);
  });

  it('can undo loading an example, getting back the edited playground', async () => {
    const { store } = await loadStore();
    store.getState().setTask('my own task');
    store.getState().loadExample(EXAMPLES.at(-1)!.id);
    expect(store.getState().replaced?.exampleTitle).toBe(EXAMPLES.at(-1)!.playground.title);
    store.getState().undoLoadExample();
    expect(store.getState().doc.task).toBe('my own task');
    expect(store.getState().replaced).toBeUndefined();
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
  it('opens another document with its own kept settings, replacing the old ones, with no example undo', async () => {
    const first = await loadStore();
    const api = () => first.store.getState();
    api().loadExample(EXAMPLES.at(-1)!.id);
    api().setModelProvider('openai');
    const opened = { ...EXAMPLES[0]!.playground, title: 'Opened' };
    const providerStash = { anthropic: { provider: 'anthropic', model: 'claude-x', via: 'browser', timeoutMs: 120_000, maxRetries: 3 } } as const;
    api().openDocument(opened, { providerStash });
    expect(api().doc).toEqual(opened);
    expect([api().replaced, api().replayStash, api().exampleId]).toEqual([undefined, undefined, undefined]);
    expect(api().providerStash).toEqual(providerStash);

    const second = await loadStore({ [first.STORAGE_KEY]: first.storage.getItem(first.STORAGE_KEY)! });
    expect(second.store.getState().doc.title).toBe('Opened');
    second.store.getState().setModelProvider('anthropic');
    expect(second.store.getState().doc.model).toMatchObject({ provider: 'anthropic', model: 'claude-x' });
  });
});
