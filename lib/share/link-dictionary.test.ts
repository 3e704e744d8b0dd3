// The browser path: nothing registers the dictionary, so links wait for loadLinkDictionaries(). (The test set-up
// registers it for every other test; fresh modules here start without it.)
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Playground } from '../playground/schema';

type Modules = { dictionary: typeof import('./link-dictionary'); link: typeof import('./share-link'); loadShared: typeof import('./load-shared') };

async function fresh(): Promise<Modules> {
  vi.resetModules();
  return { dictionary: await import('./link-dictionary'), link: await import('./share-link'), loadShared: await import('./load-shared') };
}

describe('the share-link dictionary, loaded on demand', () => {
  let playground: Playground;
  // A link made as Node callers make them, with the dictionary registered at import.
  const madeWithRegisteredCopy = async () => {
    vi.resetModules();
    await import('./link-dictionary-register');
    return (await import('./share-link')).encodeShareHash({ playground });
  };
  beforeEach(async () => {
    const { EXAMPLES } = await import('../playground/examples');
    playground = EXAMPLES[0]!.playground;
  });

  it('is not there before it is loaded: making a link says what to do instead of making a wrong one', async () => {
    const { dictionary, link } = await fresh();
    expect(dictionary.linkDictionariesReady()).toBe(false);
    expect(() => link.encodeShareHash({ playground })).toThrow(/await loadLinkDictionaries\(\)/);
  });

  it('once loaded, makes links that open, and opens links made with the registered copy', async () => {
    const made = await madeWithRegisteredCopy();
    const { dictionary, link } = await fresh();
    await dictionary.loadLinkDictionaries();
    expect(dictionary.linkDictionariesReady()).toBe(true);
    const opened = link.decodeShareHash(made);
    expect(opened.ok && opened.payload.playground.task).toBe(playground.task);
    expect(link.encodeShareHash({ playground })).toBe(made);
  });

  it('is loaded by loadShared itself, so importing tools from a link needs no preparation', async () => {
    const made = await madeWithRegisteredCopy();
    const { dictionary, loadShared } = await fresh();
    const loaded = await loadShared.loadShared(`https://example.test/#${made}`);
    expect(loaded.ok && loaded.payload.playground.task).toBe(playground.task);
    expect(dictionary.linkDictionariesReady()).toBe(true);
  });
});
