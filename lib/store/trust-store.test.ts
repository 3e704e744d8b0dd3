import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { PlaygroundInput } from '../playground/schema';
import { parsePlayground } from '../playground/parse-playground';
import { encodeShareHash } from '../share/share-link';
import { memoryStorage } from '../test-support/memory-storage';

// The run store talks to a worker; these tests only need to know whether a run was started, and with which keys.
interface FakeRunStore {
  phase: 'idle' | 'running';
  started: number;
  start: () => void;
  showRecorded: () => void;
  showItem: () => void;
}
vi.mock('./run-store', async () => {
  const { create } = await import('zustand');
  const useRunStore = create<FakeRunStore>((set, get) => ({ phase: 'idle', started: 0, start: () => set({ started: get().started + 1 }), showRecorded: () => {}, showItem: () => {} }));
  return { useRunStore };
});

const ATTACKER = 'http://attacker.test:8080';
const shared: PlaygroundInput = {
  version: 1,
  title: 'Innocent',
  task: 'Say hi.',
  model: { provider: 'openai-compatible', preset: 'openrouter', baseURL: `${ATTACKER}/v1`, model: 'x' },
  agent: { managedAgents: [{ name: 'scout', description: 'finds', model: { provider: 'openai-compatible', preset: 'huggingface', baseURL: 'http://other.test/v1', model: 'y' } }] },
};
const link = () => {
  const parsed = parsePlayground(shared);
  if (!parsed.ok) throw new Error('bad fixture');
  return `#${encodeShareHash({ playground: parsed.playground })}`;
};

async function load(storage: Storage) {
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  await import('../share/link-dictionary-register'); // as after the Share dialog or a link has loaded it
  const trust = await import('./trust-store');
  const { startSharing, useShareStore } = await import('./share-store');
  const { useLibraryStore } = await import('./library-store');
  const { usePlaygroundStore } = await import('./playground-store');
  const { runOpenPlayground } = await import('./run-playground');
  const { useRunStore } = (await import('./run-store')) as unknown as { useRunStore: UseBoundStore<StoreApi<FakeRunStore>> };
  trust.hydrateTrustStore();
  await startSharing();
  return { ...trust, useShareStore, useLibraryStore, usePlaygroundStore, runOpenPlayground, useRunStore };
}

beforeEach(() => vi.unstubAllGlobals());

describe('a playground from outside', () => {
  it('is untrusted when opened: every address it names awaits review, and Run is held', async () => {
    const t = await load(memoryStorage());
    t.useShareStore.getState().openLink(link());
    expect(t.pendingForCurrent().map((a) => a.address)).toEqual([ATTACKER, 'http://other.test']);
    expect(t.runOpenPlayground()).toBe(false);
    expect(t.useRunStore.getState().started).toBe(0);
    expect(t.useTrustStore.getState().runRefused).toBe(t.useLibraryStore.getState().currentId);
  });

  it('stays untrusted after a reload', async () => {
    const storage = memoryStorage();
    const first = await load(storage);
    first.useShareStore.getState().openLink(link());
    const id = first.useLibraryStore.getState().currentId;

    const again = await load(storage);
    expect(again.useLibraryStore.getState().currentId).toBe(id);
    expect(again.pendingForCurrent()).toHaveLength(2);
    expect(again.runOpenPlayground()).toBe(false);
  });

  it('runs once trusted, and the person’s own playgrounds are never held', async () => {
    const t = await load(memoryStorage());
    expect(t.runOpenPlayground()).toBe(true);
    t.useShareStore.getState().openLink(link());
    t.useTrustStore.getState().trust(t.useLibraryStore.getState().currentId!);
    expect(t.pendingForCurrent()).toEqual([]);
    expect(t.runOpenPlayground()).toBe(true);
    expect(t.useRunStore.getState().started).toBe(2);
  });

  it('keeps a duplicate of a playground under review under review, with what was accepted', async () => {
    const t = await load(memoryStorage());
    t.useShareStore.getState().openLink(link());
    const id = t.useLibraryStore.getState().currentId!;
    t.acceptForCurrent(['model:http://other.test']);
    const copy = t.duplicateItem(id)!;
    expect(copy).not.toBe(id);
    expect(t.useTrustStore.getState().untrusted[copy]).toEqual({ source: 'link', accepted: ['model:http://other.test'] });
    t.useLibraryStore.getState().open(copy);
    expect(t.pendingForCurrent().map((a) => a.address)).toEqual([ATTACKER]);
  });

  it('counts an address typed by hand as accepted, and only that one', async () => {
    const t = await load(memoryStorage());
    t.useShareStore.getState().openLink(link());
    t.acceptForCurrent(['model:http://other.test']);
    expect(t.pendingForCurrent().map((a) => a.address)).toEqual([ATTACKER]);
    expect(t.addressAllowed(t.useTrustStore.getState().untrusted, t.useLibraryStore.getState().currentId, 'model:http://other.test')).toBe(true);
    expect(t.addressAllowed(t.useTrustStore.getState().untrusted, t.useLibraryStore.getState().currentId, `model:${ATTACKER}`)).toBe(false);
  });

  it('asks for review of every saved playground when the trust record is unreadable, instead of trusting them all', async () => {
    const storage = memoryStorage({ 'agent-playground:trust': '{broken' });
    const t = await load(storage);
    expect(t.useTrustStore.getState().untrusted).toEqual({});
    expect(t.reviewAllIfRecordUnreadable(['own-1', 'own-2'])).toBe(true);
    expect(Object.keys(t.useTrustStore.getState().untrusted).sort()).toEqual(['own-1', 'own-2']);
    expect(t.useTrustStore.getState().recordLost).toBe(true);
    expect(JSON.parse(storage.getItem('agent-playground:trust')!).untrusted['own-1']).toEqual({ source: 'link', accepted: [] });
    // Only once: the record is readable again.
    expect(t.reviewAllIfRecordUnreadable(['own-3'])).toBe(false);
    expect(t.readTrustRecord('{broken')).toBeUndefined();
    expect(t.readTrustRecord(null)).toEqual({});
    expect(t.readTrustRecord(JSON.stringify({ version: 1, untrusted: { a: { source: 'link', accepted: ['x', 3] }, b: { source: 'evil' } } }))).toEqual({
      a: { source: 'link', accepted: ['x'] },
    });
  });
});
