import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi, UseBoundStore } from 'zustand';
import { EXAMPLES } from '../playground/examples';
import { STARTER_TASK, STARTER_TOOLS } from '../playground/starter-playground';
import { memoryStorage } from '../test-support/memory-storage';

// The run store talks to a worker; the library only needs its phase, and to tell it which item's run to show.
interface FakeRunStore {
  phase: 'idle' | 'running';
  events: unknown[];
  shownItem?: string;
  showRecorded: (events: unknown[]) => void;
  showItem: (itemId: string) => void;
}
vi.mock('./run-store', async () => {
  const { create } = await import('zustand');
  const useRunStore = create<FakeRunStore>((set) => ({
    phase: 'idle',
    events: ['an old run'],
    showRecorded: (events) => set({ events }),
    showItem: (itemId) => set({ shownItem: itemId, events: [] }),
  }));
  return { useRunStore };
});

// Each test loads the stores afresh against its own storage, as a page load would.
async function load(saved: Record<string, string> = {}, storage = memoryStorage(saved)) {
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  const library = await import('./library-store');
  const { usePlaygroundStore } = await import('./playground-store');
  const { useRunStore } = (await import('./run-store')) as unknown as { useRunStore: UseBoundStore<StoreApi<FakeRunStore>> };
  useRunStore.setState({ phase: 'idle', events: ['an old run'] });
  await library.hydrateLibrary();
  return {
    ...library,
    storage,
    lib: () => library.useLibraryStore.getState(),
    pg: () => usePlaygroundStore.getState(),
    run: useRunStore,
    saved: () => JSON.parse(storage.getItem(library.LIBRARY_KEY)!) as { version: number; state: { items: { id: string; title: string; doc: { task: string } }[]; currentId: string } },
  };
}

beforeEach(() => {
  vi.unstubAllGlobals();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const titles = (items: readonly { title: string }[]) => items.map((i) => i.title);

describe('the library', () => {
  it('starts with the playground being edited as its one item, saved in a versioned record', async () => {
    const t = await load();
    expect(t.lib().items).toHaveLength(1);
    expect(t.lib().currentId).toBe(t.lib().items[0]!.id);
    expect(t.lib().items[0]!.doc).toEqual(EXAMPLES[0]!.playground);
    expect(t.saved()).toMatchObject({ version: 1, state: { currentId: t.lib().currentId } });
  });

  it('copies edits into the current item shortly after they are made, and a reload keeps them', async () => {
    const t = await load();
    t.pg().setTask('Is Oslo warmer?');
    expect(t.saved().state.items[0]!.doc.task).not.toBe('Is Oslo warmer?');
    vi.advanceTimersByTime(t.SYNC_DELAY_MS);
    expect(t.saved().state.items[0]!.doc.task).toBe('Is Oslo warmer?');
    expect(t.lib().items[0]!.updatedAt).toBe(Date.parse('2026-01-01T10:00:00Z') + t.SYNC_DELAY_MS);

    const again = await load({}, t.storage);
    expect(again.lib().items).toHaveLength(1);
    expect(again.pg().doc.task).toBe('Is Oslo warmer?');
  });

  it('takes edits the playground store saved but the library had not yet, at the next load', async () => {
    const t = await load();
    t.pg().setTask('typed just before closing');
    // The page closes before the sync runs.
    const again = await load({}, t.storage);
    expect(again.lib().items[0]!.doc.task).toBe('typed just before closing');
  });

  it('new opens a playground with one documented example tool and keeps the previous one, with its latest edits, in the list; the timeline shows the open item', async () => {
    const t = await load();
    const first = t.lib().currentId!;
    t.pg().setTask('my first task');
    const id = t.lib().create()!;
    expect(t.lib().currentId).toBe(id);
    expect(t.pg().doc).toMatchObject({ title: 'Untitled playground', task: STARTER_TASK, tools: STARTER_TOOLS, model: { provider: 'manual' } });
    expect(t.run.getState()).toMatchObject({ events: [], shownItem: id });
    t.lib().open(first);
    expect(t.pg().doc.task).toBe('my first task');
    expect(t.saved().state.currentId).toBe(first);
    expect(t.run.getState().shownItem).toBe(first);
  });

  it('keeps the digest of the link an item was opened from, through edits, a reload and a rename; a copy does not get it', async () => {
    const t = await load();
    const digest = 'a'.repeat(64);
    const id = t.lib().addAndOpen({ doc: EXAMPLES[1]!.playground }, undefined, digest)!;
    t.pg().setTask('edited');
    vi.advanceTimersByTime(t.SYNC_DELAY_MS);
    expect(t.lib().items.find((i) => i.id === id)).toMatchObject({ linkDigest: digest, doc: { task: 'edited' } });
    const copy = t.lib().duplicate(id)!;
    expect(t.lib().items.find((i) => i.id === copy)!.linkDigest).toBeUndefined();
    const again = await load({}, t.storage);
    expect(again.lib().items.find((i) => i.id === id)!.linkDigest).toBe(digest);
    again.lib().rename(id, 'Renamed');
    expect(again.lib().items.find((i) => i.id === id)!.linkDigest).toBe(digest);
  });

  it('keeps the delete token of a published record in its item, through edits and a reload; a copy does not get it; Unpublish forgets it', async () => {
    const t = await load();
    const id = t.lib().currentId!;
    const publication = { id: 'AbCdEf_-1234', url: 'http://app.test/p/AbCdEf_-1234', deleteToken: 'token-of-the-publisher', withRun: true, publishedAt: 1 };
    t.lib().addPublication(id, publication);
    t.pg().setTask('edited after publishing');
    vi.advanceTimersByTime(t.SYNC_DELAY_MS);
    expect(t.lib().items.find((i) => i.id === id)!.publications).toEqual([publication]);
    const copy = t.lib().duplicate(id)!;
    expect(t.lib().items.find((i) => i.id === copy)!.publications).toBeUndefined();
    // Publishing the same content again replaces its entry instead of listing it twice.
    t.lib().addPublication(id, { ...publication, publishedAt: 2 });
    const again = await load({}, t.storage);
    expect(again.lib().items.find((i) => i.id === id)!.publications).toEqual([{ ...publication, publishedAt: 2 }]);
    again.lib().removePublication(id, publication.id);
    expect(again.lib().items.find((i) => i.id === id)!.publications).toBeUndefined();
    expect(JSON.stringify(again.saved())).not.toContain('token-of-the-publisher');
  });

  it('drops a malformed publication from a stored item and keeps the item', async () => {
    const t = await load();
    const record = t.saved();
    const item = { ...record.state.items[0]!, publications: [{ id: 'not an id', url: 'x', deleteToken: 't', withRun: true, publishedAt: 1 }, 'junk'] };
    const again = await load({ [t.LIBRARY_KEY]: JSON.stringify({ ...record, state: { ...record.state, items: [item] } }) });
    expect(again.lib().items).toHaveLength(1);
    expect(again.lib().items[0]!.publications).toBeUndefined();
    expect(again.lib().notice).toBeUndefined();
  });

  it('a new playground keeps the current real model and its settings, never a key', async () => {
    const t = await load();
    t.pg().setModelProvider('anthropic');
    t.pg().updateProviderModel({ model: 'claude-test' });
    t.lib().create();
    expect(t.pg().doc.model).toMatchObject({ provider: 'anthropic', model: 'claude-test' });
  });

  it('keeps what each playground set aside (other providers’ settings) when switching', async () => {
    const t = await load();
    const first = t.lib().currentId!;
    t.pg().setModelProvider('openai');
    t.pg().updateProviderModel({ model: 'gpt-kept' });
    t.pg().setModelProvider('replay');
    t.lib().create();
    expect(t.pg().providerStash).toBeUndefined();
    t.lib().open(first);
    t.pg().setModelProvider('openai');
    expect(t.pg().doc.model).toMatchObject({ model: 'gpt-kept' });
  });

  it('renames the current playground (its title in the document too) and another one', async () => {
    const t = await load();
    const first = t.lib().currentId!;
    const second = t.lib().create()!;
    t.lib().rename(second, '  Second  ');
    expect(t.pg().doc.title).toBe('Second');
    t.lib().rename(first, 'First');
    t.lib().rename(first, '   ');
    expect(titles(t.saved().state.items)).toEqual(['First', 'Second']);
    t.lib().open(first);
    expect(t.pg().doc.title).toBe('First');
  });

  it('duplicates a playground right after the original, with a free “(copy)” title, without opening it', async () => {
    const t = await load();
    const first = t.lib().currentId!;
    t.pg().setTask('edited, not yet synced');
    const copy = t.lib().duplicate(first)!;
    t.lib().duplicate(first);
    const title = EXAMPLES[0]!.playground.title;
    expect(titles(t.lib().items)).toEqual([title, `${title} (copy 2)`, `${title} (copy)`]);
    expect(t.lib().currentId).toBe(first);
    expect(t.lib().items.find((i) => i.id === copy)!.doc.task).toBe('edited, not yet synced');
    expect(t.copyTitle('A (copy)', ['A (copy)'])).toBe('A (copy 2)');
  });

  it('deletes a playground and can bring it back', async () => {
    const t = await load();
    const first = t.lib().currentId!;
    const second = t.lib().create()!;
    t.lib().remove(first);
    expect(t.lib().items.map((i) => i.id)).toEqual([second]);
    expect(t.saved().state.items).toHaveLength(1);
    t.lib().undoRemove();
    expect(t.lib().items.map((i) => i.id)).toEqual([first, second]);
    expect(t.lib().deleted).toBeUndefined();
    expect(t.saved().state.items).toHaveLength(2);
  });

  it('deleting the open playground opens the most recently edited other one; deleting the last opens a new one', async () => {
    const t = await load();
    const first = t.lib().currentId!;
    vi.advanceTimersByTime(60_000);
    const second = t.lib().create()!;
    t.pg().setTask('second task');
    vi.advanceTimersByTime(60_000);
    const third = t.lib().create()!;
    t.lib().remove(third);
    expect(t.lib().currentId).toBe(second);
    expect(t.pg().doc.task).toBe('second task');
    t.lib().undoRemove();
    expect(t.lib().currentId).toBe(third);
    t.lib().remove(third);
    t.lib().remove(second);
    t.lib().remove(first);
    expect(t.lib().items).toHaveLength(1);
    expect(t.pg().doc.title).toBe('Untitled playground');
  });

  it('does not switch playgrounds while a run is going', async () => {
    const t = await load();
    const first = t.lib().currentId!;
    const second = t.lib().create()!;
    t.run.setState({ phase: 'running' });
    t.lib().open(first);
    t.lib().remove(second);
    expect(t.lib().create()).toBeUndefined();
    expect(t.lib().currentId).toBe(second);
    expect(t.lib().items).toHaveLength(2);
  });

  it('adds a shared or imported playground and opens it, the previous one kept', async () => {
    const t = await load();
    const doc = { ...EXAMPLES[1]!.playground, title: 'Shared' };
    const id = t.lib().addAndOpen({ doc })!;
    expect(t.lib().currentId).toBe(id);
    expect(t.pg().doc).toEqual(doc);
    expect(titles(t.lib().items)).toEqual([EXAMPLES[0]!.playground.title, 'Shared']);
  });

  it('keeps an unreadable record aside, says where, and starts a new list with the playground being edited', async () => {
    const broken = '{"version": 1, "state": {"items": [';
    const t = await load({ 'agent-playground:library': broken });
    const notice = t.lib().notice!;
    expect(notice.message).toMatch(/could not be opened: it is not valid JSON/);
    expect(notice.backupKey).toMatch(/^agent-playground:backup:library:/);
    expect(t.storage.getItem(notice.backupKey!)).toBe(broken);
    expect(notice.backup).toBe(broken);
    expect(t.lib().items).toHaveLength(1);
  });

  it('keeps the readable items of a partly broken record, and the whole record aside', async () => {
    const good = { id: 'a', title: 'Good', updatedAt: 5, doc: { ...EXAMPLES[0]!.playground, title: 'Good' } };
    const bad = { id: 'b', title: 'Bad', updatedAt: 6, doc: { version: 1, agent: { maxSteps: -1 } } };
    const raw = JSON.stringify({ version: 1, state: { items: [good, bad], currentId: 'a' } });
    const t = await load({ 'agent-playground:library': raw });
    expect(t.lib().notice!.message).toMatch(/One saved playground could not be opened \(item 2: .*agent\.maxSteps/);
    expect(t.storage.getItem(t.lib().notice!.backupKey!)).toBe(raw);
    expect(t.lib().items.map((i) => i.id)).toEqual(['a']);
    expect(t.lib().currentId).toBe('a');
  });

  it('when the playground’s own save is unreadable, opens its copy from the library instead of the default', async () => {
    const t = await load();
    t.pg().setTask('work worth keeping');
    vi.advanceTimersByTime(t.SYNC_DELAY_MS);
    t.storage.setItem('agent-playground:playground', '{"state": {"doc": ');
    const again = await load({}, t.storage);
    expect(again.pg().doc.task).toBe('work worth keeping');
    expect(again.pg().notice?.message).toMatch(/could not be opened: it is not valid JSON\. It was kept aside .*\. Its copy in your saved playgrounds was opened instead\.$/s);
    expect(again.lib().items).toHaveLength(1);
  });

  it('refuses a record from a newer app version instead of writing over it', async () => {
    const raw = JSON.stringify({ version: 9, state: { items: [] } });
    const t = await load({ 'agent-playground:library': raw });
    expect(t.lib().notice!.message).toMatch(/newer version of the app/);
    expect(t.storage.getItem(t.lib().notice!.backupKey!)).toBe(raw);
  });

  it('opens an example as a new item; the previous one stays, after a reload too; Undo opens it again', async () => {
    const t = await load();
    const mine = t.lib().currentId!;
    t.pg().setTask('my own task');
    const example = EXAMPLES.at(-1)!;
    const id = t.lib().openExample(example.id)!;
    expect(id).not.toBe(mine);
    expect(t.pg().doc).toEqual(example.playground);
    expect(t.lib().exampleOpened).toMatchObject({ itemId: id, previousId: mine, title: example.playground.title });
    const again = await load({}, t.storage);
    expect(again.lib().currentId).toBe(id);
    expect(again.lib().items.find((i) => i.id === mine)?.doc.task).toBe('my own task');
    expect(again.lib().exampleOpened).toBeUndefined();

    // Undo (in this tab): back to the previous item; the example's untouched item goes.
    t.lib().undoOpenExample();
    expect(t.lib().currentId).toBe(mine);
    expect(t.pg().doc.task).toBe('my own task');
    expect(t.lib().items.map((i) => i.id)).toEqual([mine]);
  });

  it('Undo keeps the example’s item when it was edited', async () => {
    const t = await load();
    const id = t.lib().openExample(EXAMPLES.at(-1)!.id)!;
    t.pg().setTask('edited example');
    t.lib().undoOpenExample();
    expect(t.lib().items.find((i) => i.id === id)?.doc.task).toBe('edited example');
  });

  it('restores a missing playground entry from the library’s current item, never the default', async () => {
    const t = await load();
    t.pg().setTask('work worth keeping');
    vi.advanceTimersByTime(t.SYNC_DELAY_MS);
    t.storage.removeItem('agent-playground:playground');
    const again = await load({}, t.storage);
    expect(again.pg().doc.task).toBe('work worth keeping');
    expect(again.lib().items).toHaveLength(1);
    expect(again.lib().items[0]!.doc.task).toBe('work worth keeping');
  });

  it('a playground saved for an item the library never stored gets an item of its own; the current one is untouched', async () => {
    const t = await load();
    t.pg().setTask('mine');
    vi.advanceTimersByTime(t.SYNC_DELAY_MS);
    const mine = t.lib().currentId!;
    const orphan = { ...EXAMPLES[1]!.playground, title: 'Never listed' };
    t.storage.setItem('agent-playground:playground', JSON.stringify({ version: 1, state: { doc: orphan, itemId: 'pg-orphan' } }));
    const again = await load({}, t.storage);
    expect(again.lib().items.find((i) => i.id === mine)?.doc.task).toBe('mine');
    expect(again.lib().currentId).toBe('pg-orphan');
    expect(again.pg().doc.title).toBe('Never listed');
  });

  it('when the library cannot store a new item, its document is not autosaved alone, and a reload finds the person’s work intact', async () => {
    const storage = memoryStorage();
    const t = await load({}, storage);
    const mine = t.lib().currentId!;
    t.pg().setTask(`my own task ${'x'.repeat(5_000)}`);
    vi.advanceTimersByTime(t.SYNC_DELAY_MS);
    // Full: the library (which grows by the new item) no longer fits; the playground entry (which shrinks) would.
    storage.quota = [...Array(storage.length).keys()].reduce((n, i) => n + storage.key(i)!.length + storage.getItem(storage.key(i)!)!.length, 0);
    const id = t.lib().addAndOpen({ doc: { ...EXAMPLES[0]!.playground, title: 'Shared', task: 'short' } })!;
    // Open in this tab (the person can read it and export it), but nothing of it reached storage.
    expect(t.lib().currentId).toBe(id);
    expect(t.pg().doc.title).toBe('Shared');
    const { useSaveProblemStore } = await import('./save-problem-store');
    expect(useSaveProblemStore.getState().problem?.message).toMatch(/storage for the app is full/);
    expect(storage.getItem('agent-playground:playground')).toContain('my own task');

    const again = await load({}, storage);
    expect(again.lib().currentId).toBe(mine);
    expect(again.pg().doc.task).toMatch(/^my own task x/);
    expect(titles(again.lib().items)).toEqual([EXAMPLES[0]!.playground.title]);
  });

  it('an item held back from the autosave is saved once the library can store it again', async () => {
    const storage = memoryStorage();
    const t = await load({}, storage);
    storage.quota = 0;
    const id = t.lib().addAndOpen({ doc: { ...EXAMPLES[0]!.playground, title: 'Shared' } })!;
    storage.quota = Infinity;
    t.pg().setTask('edited while storage was full');
    vi.advanceTimersByTime(t.SYNC_DELAY_MS);
    const again = await load({}, storage);
    expect(again.lib().currentId).toBe(id);
    expect(again.pg().doc.task).toBe('edited while storage was full');
    expect(again.lib().items).toHaveLength(2);
  });
});
