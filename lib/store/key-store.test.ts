import { beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../test-support/memory-storage';
import { hydrateKeyStore, KEYS_STORAGE, setKeyStorage, useKeyStore } from './key-store';

let storage: Storage;
beforeEach(() => {
  storage = memoryStorage();
  setKeyStorage(() => storage);
  useKeyStore.setState({ keys: {}, remembered: {} });
});

describe('the key store', () => {
  it('holds a key in memory only, unless asked to remember it', () => {
    useKeyStore.getState().setKey('openai', '  sk-one  ');
    expect(useKeyStore.getState().keys).toEqual({ openai: 'sk-one' });
    expect(storage.getItem(KEYS_STORAGE)).toBeNull();

    useKeyStore.getState().setRemember('openai', true);
    expect(JSON.parse(storage.getItem(KEYS_STORAGE)!)).toEqual({ openai: 'sk-one' });
  });

  it('brings remembered keys back on the next visit, and forgets one in one step, memory and storage', () => {
    useKeyStore.getState().setKey('openai', 'sk-one');
    useKeyStore.getState().setKey('anthropic', 'sk-ant-two');
    useKeyStore.getState().setRemember('openai', true);
    useKeyStore.getState().setRemember('anthropic', true);

    useKeyStore.setState({ keys: {}, remembered: {} });
    hydrateKeyStore();
    expect(useKeyStore.getState().keys).toEqual({ openai: 'sk-one', anthropic: 'sk-ant-two' });
    expect(useKeyStore.getState().remembered).toEqual({ openai: true, anthropic: true });

    useKeyStore.getState().forget('openai');
    expect(useKeyStore.getState().keys).toEqual({ anthropic: 'sk-ant-two' });
    expect(JSON.parse(storage.getItem(KEYS_STORAGE)!)).toEqual({ anthropic: 'sk-ant-two' });
    useKeyStore.getState().forget('anthropic');
    expect(storage.getItem(KEYS_STORAGE)).toBeNull();
  });

  it('ignores unreadable stored keys', () => {
    storage.setItem(KEYS_STORAGE, '{not json');
    hydrateKeyStore();
    expect(useKeyStore.getState().keys).toEqual({});
  });
});
