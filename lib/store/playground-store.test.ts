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
  it('turns built-in tools on and off in the toolbox order, and drops the field when none is left', async () => {
    const { store } = await loadStore();
    store.getState().setBuiltinTool('web_search', true);
    store.getState().setBuiltinTool('user_input', true);
    expect(store.getState().doc.builtinTools).toEqual(['user_input', 'web_search']);
    store.getState().setBuiltinTool('user_input', false);
    store.getState().setBuiltinTool('web_search', false);
    expect('builtinTools' in store.getState().doc).toBe(false);
  });

  it('starts a first visit with the first bundled example', async () => {
    const { store } = await loadStore();
    expect(store.getState().doc).toEqual(EXAMPLES[0]!.playground);
    expect(store.getState().notice).toBeUndefined();
  });

  it('saves a good prompt template edit, refuses a bad one without changing the document, and resets', async () => {
    const { store } = await loadStore();
    expect(store.getState().setPromptTemplate('finalAnswer', 'MARKER {{task}}').ok).toBe(true);
    expect(store.getState().doc.agent.promptTemplates).toEqual({ finalAnswer: 'MARKER {{task}}' });
    expect(store.getState().setPromptTemplate('finalAnswer', '{{nope}}')).toMatchObject({ ok: false, message: expect.stringContaining('{{nope}}') });
    expect(store.getState().doc.agent.promptTemplates).toEqual({ finalAnswer: 'MARKER {{task}}' });
    store.getState().setPromptTemplate('finalAnswer', undefined);
    expect(store.getState().doc.agent.promptTemplates).toBeUndefined();
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
    const responses = (api().doc.model as { responses: unknown }).responses;
    api().setModelProvider('openai-compatible');
    expect(api().doc.model).toMatchObject({ provider: 'openai-compatible', preset: 'ollama', baseURL: 'http://localhost:11434/v1', via: 'browser' });
    api().updateProviderModel({ model: 'qwen2.5-coder', baseURL: 'http://127.0.0.1:8000/v1' });
    api().setModelProvider('openai');
    expect(api().doc.model).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini' });
    api().setModelProvider('replay');
    expect((api().doc.model as { responses: unknown }).responses).toEqual(responses);

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

describe('team members (managed agents)', () => {
  const OPENAI = { provider: 'openai', model: 'gpt-4.1-mini', via: 'browser', timeoutMs: 120_000, maxRetries: 3 } as const;
  /** A store whose main model is OpenAI (so a member may use the main model). */
  async function withOpenAI() {
    const loaded = await loadStore();
    loaded.store.getState().setModelProvider('openai');
    loaded.store.getState().updateAgent({ managedAgents: [] });
    return { ...loaded, api: () => loaded.store.getState() };
  }

  it('adds members with free names, using the main model, and keeps them across a reload', async () => {
    const first = await withOpenAI();
    expect(first.api().addManagedAgent()).toEqual({ ok: true });
    expect(first.api().addManagedAgent()).toEqual({ ok: true });
    const [a, b] = first.api().doc.agent.managedAgents;
    expect([a!.name, b!.name]).toEqual(['helper', 'helper_2']);
    expect(a).toMatchObject({ type: 'code', tools: [], maxSteps: 6 });
    expect(a!.description).not.toBe('');
    expect(a!.model).toBeUndefined();
    first.api().updateManagedAgent(1, { name: 'scout', tools: ['add'], maxSteps: 3, type: 'tool-calling', description: 'Adds.' });

    const second = await loadStore({ [first.STORAGE_KEY]: first.storage.getItem(first.STORAGE_KEY)! });
    expect(second.store.getState().doc.agent.managedAgents[1]).toMatchObject({ name: 'scout', tools: ['add'], maxSteps: 3, type: 'tool-calling', description: 'Adds.' });
  });

  it('under the replay model a new member gets its own empty list of responses, so the document stays valid', async () => {
    const { store } = await loadStore();
    expect(store.getState().doc.model.provider).toBe('replay');
    const before = store.getState().doc.agent.managedAgents.length;
    expect(store.getState().addManagedAgent({ name: 'fresh' })).toEqual({ ok: true });
    expect(store.getState().doc.agent.managedAgents[before]!.model).toEqual({ provider: 'replay', responses: [], delayMs: 0 });
  });

  it('refuses the replay main model for a member under replay, with the rule’s message, changing nothing', async () => {
    const { store } = await loadStore();
    store.getState().addManagedAgent({ name: 'fresh' });
    const doc = store.getState().doc;
    const index = doc.agent.managedAgents.length - 1;
    const result = store.getState().updateManagedAgent(index, { model: undefined });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toEqual({ field: 'model', message: expect.stringMatching(/each managed agent needs its own responses/) });
    expect(store.getState().doc).toBe(doc);
  });

  it('refuses an empty name, a name that is no JavaScript identifier, and a duplicate name, saying why and changing nothing', async () => {
    const { api } = await withOpenAI();
    api().addManagedAgent({ name: 'scout' });
    api().addManagedAgent({ name: 'writer' });
    const doc = api().doc;
    for (const [name, message] of [
      ['', /valid JavaScript identifier/],
      ['my scout', /valid JavaScript identifier/],
      ['2nd', /valid JavaScript identifier/],
      ['scout', /already named 'scout'/],
    ] as const) {
      const result = api().updateManagedAgent(1, { name });
      expect(result.ok, name).toBe(false);
      expect(!result.ok && result.problems).toEqual([{ field: 'name', message: expect.stringMatching(message) }]);
      expect(api().doc).toBe(doc);
    }
    const empty = api().updateManagedAgent(1, { description: '' });
    expect(!empty.ok && empty.problems).toEqual([{ field: 'description', message: expect.stringMatching(/describe what this agent does/) }]);
    const steps = api().updateManagedAgent(1, { maxSteps: 0 });
    expect(!steps.ok && steps.problems[0]!.field).toBe('maxSteps');
    expect(api().addManagedAgent({ name: 'writer' }).ok).toBe(false);
    expect(api().doc).toBe(doc);
  });

  it('gives a member its own model and back to the main one', async () => {
    const { api } = await withOpenAI();
    api().addManagedAgent({ name: 'scout' });
    const own = { provider: 'openai-compatible', preset: 'custom', baseURL: 'http://127.0.0.1:9999/v1', model: 'm', via: 'browser', timeoutMs: 120_000, maxRetries: 3 } as const;
    expect(api().updateManagedAgent(0, { model: own })).toEqual({ ok: true });
    expect(api().doc.agent.managedAgents[0]!.model).toEqual(own);
    const bad = api().updateManagedAgent(0, { model: { ...own, baseURL: 'ftp://x' } });
    expect(!bad.ok && bad.problems[0]!.field).toBe('model');
    expect(api().doc.agent.managedAgents[0]!.model).toEqual(own);
    expect(api().updateManagedAgent(0, { model: undefined })).toEqual({ ok: true });
    expect('model' in api().doc.agent.managedAgents[0]!).toBe(false);
    expect(api().doc.model).toEqual(OPENAI);
  });

  it('a member left without responses when the main model became replay can still be renamed', async () => {
    const { api } = await withOpenAI();
    api().addManagedAgent({ name: 'scout' });
    api().setModelProvider('replay');
    expect(api().updateManagedAgent(0, { name: 'scout2' })).toEqual({ ok: true });
    expect(api().doc.agent.managedAgents[0]!.name).toBe('scout2');
  });

  it('removes a member, and Undo puts it back where it was', async () => {
    const { api } = await withOpenAI();
    for (const name of ['a', 'b', 'c']) api().addManagedAgent({ name });
    api().updateManagedAgent(1, { tools: ['add'], maxSteps: 9 });
    const kept = api().doc.agent.managedAgents[1];
    api().removeManagedAgent(1);
    expect(api().doc.agent.managedAgents.map((m) => m.name)).toEqual(['a', 'c']);
    expect(api().removedMember).toEqual({ member: kept, index: 1 });
    expect(api().undoRemoveManagedAgent()).toEqual({ ok: true });
    expect(api().doc.agent.managedAgents.map((m) => m.name)).toEqual(['a', 'b', 'c']);
    expect(api().doc.agent.managedAgents[1]).toEqual(kept);
    expect(api().removedMember).toBeUndefined();
  });

  it('Undo of a removal refuses, and keeps the removed member, when its name was taken meanwhile', async () => {
    const { api } = await withOpenAI();
    api().addManagedAgent({ name: 'scout' });
    api().removeManagedAgent(0);
    api().addManagedAgent({ name: 'scout' });
    const result = api().undoRemoveManagedAgent();
    expect(!result.ok && result.problems[0]!.message).toMatch(/already named 'scout'/);
    expect(api().removedMember?.member.name).toBe('scout');
    expect(api().doc.agent.managedAgents).toHaveLength(1);
  });
});

describe('MCP servers', () => {
  async function empty() {
    const loaded = await loadStore();
    return { ...loaded, api: () => loaded.store.getState() };
  }

  it('adds a server, keeps it across a reload, and refuses a bad one without changing the document', async () => {
    const first = await empty();
    expect(first.api().addMcpServer({ name: 'weather', url: 'http://127.0.0.1:3921/mcp' })).toEqual({ ok: true });
    const doc = first.api().doc;
    const bad = first.api().addMcpServer({ name: 'weather', url: 'not an address' });
    expect(!bad.ok && bad.problems.map((p) => p.field)).toEqual(['url']);
    expect(first.api().doc).toBe(doc);
    const again = await loadStore({ [first.STORAGE_KEY]: first.storage.getItem(first.STORAGE_KEY)! });
    expect(again.store.getState().doc.mcpServers).toEqual([{ name: 'weather', url: 'http://127.0.0.1:3921/mcp', transport: 'streamable-http', via: 'browser' }]);
  });

  it('writes an allow-list and drops it again', async () => {
    const { api } = await empty();
    api().addMcpServer({ name: 'weather', url: 'http://127.0.0.1:3921/mcp' });
    expect(api().updateMcpServer(0, { tools: ['get_forecast'] })).toEqual({ ok: true });
    expect(api().doc.mcpServers[0]!.tools).toEqual(['get_forecast']);
    expect(api().updateMcpServer(0, { tools: undefined })).toEqual({ ok: true });
    expect('tools' in api().doc.mcpServers[0]!).toBe(false);
  });

  it('removes a server, and Undo puts it back where it was', async () => {
    const { api } = await empty();
    for (const name of ['a', 'b', 'c']) api().addMcpServer({ name, url: `https://${name}.example.com/mcp` });
    api().removeMcpServer(1);
    expect(api().doc.mcpServers.map((s) => s.name)).toEqual(['a', 'c']);
    expect(api().undoRemoveMcpServer()).toEqual({ ok: true });
    expect(api().doc.mcpServers.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(api().removedMcpServer).toBeUndefined();
  });
});

describe('replay responses', () => {
  it('deletes a response, puts it back with Undo, and refuses a bad one leaving the list as it was', async () => {
    const { store } = await loadStore();
    const s = () => store.getState();
    s().openDocument({ ...s().doc, model: { provider: 'replay', responses: { code: ['one', 'two'] }, delayMs: 0 } });
    s().removeReplayResponse('code', 0);
    expect(s().doc.model).toMatchObject({ responses: { code: ['two'] } });
    expect(s().undoRemoveReplayResponse()).toEqual({ ok: true });
    expect(s().doc.model).toMatchObject({ responses: { code: ['one', 'two'] } });
    const bad = s().setReplayResponses('code', [{ toolCalls: [{ name: '', arguments: {} }] }]);
    expect(bad.ok).toBe(false);
    expect(s().doc.model).toMatchObject({ responses: { code: ['one', 'two'] } });
  });

  it('saves a run as the replay and keeps the live model’s settings for switching back', async () => {
    const { store } = await loadStore();
    const s = () => store.getState();
    s().setModelProvider('openai');
    const live = s().doc.model;
    expect(s().saveRunAsReplay({ type: 'code', main: ['a', 'b'], managed: {} })).toEqual({ ok: true });
    expect(s().doc.model).toMatchObject({ provider: 'replay', responses: { code: ['a', 'b'] } });
    s().setModelProvider('openai');
    expect(s().doc.model).toEqual(live);
  });
});
