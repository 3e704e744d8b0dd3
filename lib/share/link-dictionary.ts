// The preset dictionary of link format 2, held for share-link.ts. It is 24 KB of text (8 KB over the wire), a part of
// the page's first load that nothing before Run needs, so the browser loads it when a link is first made or opened
// (`loadLinkDictionaries`). Node callers (the CLI, tests, scripts) register it at once by importing
// ./link-dictionary-register.
import { strToU8 } from 'fflate';

let v2: Uint8Array | undefined;

/** Makes the format 2 dictionary available from its text (link-dictionary-v2.ts). */
export function registerLinkDictionaryV2(text: string): void {
  v2 ??= strToU8(text);
}

/** Whether links can be made and opened now, without waiting for the dictionary. */
export function linkDictionariesReady(): boolean {
  return v2 !== undefined;
}

/** Loads the dictionary (once); rejects when its script can't be fetched (offline after an update, say). */
export async function loadLinkDictionaries(): Promise<void> {
  if (v2) return;
  const { LINK_DICTIONARY_V2 } = await import('./link-dictionary-v2');
  registerLinkDictionaryV2(LINK_DICTIONARY_V2);
}

/** What to tell a person when the dictionary could not be loaded. */
export function linkReaderFailed(error: unknown): string {
  return `The part of the app that reads and makes links could not be loaded (${error instanceof Error ? error.message : String(error)}). Check the connection and reload the page.`;
}

/** The format 2 dictionary's bytes; throws when it was neither loaded nor registered (a bug in the caller). */
export function linkDictionaryV2(): Uint8Array {
  if (!v2) throw new Error('The share-link dictionary is not loaded yet: await loadLinkDictionaries() before making or opening a link.');
  return v2;
}
