import { beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../test-support/memory-storage';
import { hydrateKeyStore, KEYS_STORAGE, setKeyStorage, useKeyStore } from './key-store';

const OPENAI = 'https://api.openai.com';
const ANTHROPIC = 'https://api.anthropic.com';
let storage: Storage;
beforeEach(() => {
  storage = memoryStorage();
  setKeyStorage(() => storage);
  useKeyStore.setState({ keys: {}, remembered: {}, migrationNotice: undefined });
});

const stored = () => JSON.parse(storage.getItem(KEYS_STORAGE)!);

describe('the key store', () => {
  it('holds a key in memory only, unless asked to remember it', () => {
    useKeyStore.getState().setKey(OPENAI, '  sk-one  ');
    expect(useKeyStore.getState().keys).toEqual({ [OPENAI]: 'sk-one' });
    expect(storage.getItem(KEYS_STORAGE)).toBeNull();

    useKeyStore.getState().setRemember(OPENAI, true);
    expect(stored()).toEqual({ version: 2, keys: { [OPENAI]: 'sk-one' } });
  });

  it('brings remembered keys back on the next visit, and forgets one in one step, memory and storage', () => {
    useKeyStore.getState().setKey(OPENAI, 'sk-one');
    useKeyStore.getState().setKey(ANTHROPIC, 'sk-ant-two');
    useKeyStore.getState().setRemember(OPENAI, true);
    useKeyStore.getState().setRemember(ANTHROPIC, true);

    useKeyStore.setState({ keys: {}, remembered: {} });
    hydrateKeyStore();
    expect(useKeyStore.getState().keys).toEqual({ [OPENAI]: 'sk-one', [ANTHROPIC]: 'sk-ant-two' });
    expect(useKeyStore.getState().remembered).toEqual({ [OPENAI]: true, [ANTHROPIC]: true });
    expect(useKeyStore.getState().migrationNotice).toBeUndefined();

    useKeyStore.getState().forget(OPENAI);
    expect(useKeyStore.getState().keys).toEqual({ [ANTHROPIC]: 'sk-ant-two' });
    expect(stored()).toEqual({ version: 2, keys: { [ANTHROPIC]: 'sk-ant-two' } });
    useKeyStore.getState().forget(ANTHROPIC);
    expect(storage.getItem(KEYS_STORAGE)).toBeNull();
  });

  it('moves keys remembered per provider by an earlier version to the provider’s address, drops a custom one and says so', () => {
    storage.setItem(KEYS_STORAGE, JSON.stringify({ openai: 'sk-one', 'openai-compatible:openrouter': 'sk-or-two', 'openai-compatible:custom': 'sk-custom' }));
    hydrateKeyStore();
    expect(useKeyStore.getState().keys).toEqual({ [OPENAI]: 'sk-one', 'https://openrouter.ai': 'sk-or-two' });
    expect(stored()).toEqual({ version: 2, keys: { [OPENAI]: 'sk-one', 'https://openrouter.ai': 'sk-or-two' } });
    const notice = useKeyStore.getState().migrationNotice!;
    expect(notice).toContain('https://openrouter.ai');
    expect(notice).toMatch(/custom server .* was removed/);
    expect(JSON.stringify(stored())).not.toContain('sk-custom');
  });

  it('ignores unreadable stored keys and entries that are not origins', () => {
    storage.setItem(KEYS_STORAGE, '{not json');
    hydrateKeyStore();
    expect(useKeyStore.getState().keys).toEqual({});
    storage.setItem(KEYS_STORAGE, JSON.stringify({ version: 2, keys: { 'https://api.openai.com/v1': 'sk-x', '*': 'sk-y', [OPENAI]: 'sk-ok' } }));
    hydrateKeyStore();
    expect(useKeyStore.getState().keys).toEqual({ [OPENAI]: 'sk-ok' });
  });
});
