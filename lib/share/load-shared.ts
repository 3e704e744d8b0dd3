// Loads the playground a pasted link names (published id, `/p/<id>` address or share link), from outside and untrusted:
// only read and checked here; nothing in it is run or contacted, except the publish API that holds it.
import { contentDigest } from '../playground/content-digest';
import { fetchPublished } from './fetch-published';
import { parseLinkSource, publishedUrl } from './link-source';
import { linkReaderFailed, loadLinkDictionaries } from './link-dictionary';
import { decodeShareHash, type SharePayload } from './share-link';

export type LoadedShared = { ok: true; payload: SharePayload; from: string } | { ok: false; message: string };

export interface LoadSharedOptions {
  /** Where a bare published id is looked up (the app's own origin in the browser; `--publish-url` in the CLI). */
  baseUrl?: string;
  /** The message for a bare id when there is no `baseUrl`. */
  noBaseMessage?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export async function loadShared(input: string, options: LoadSharedOptions = {}): Promise<LoadedShared> {
  const source = parseLinkSource(input);
  if (source.kind === 'invalid') return { ok: false, message: source.message };
  if (source.kind === 'hash') {
    try {
      await loadLinkDictionaries();
    } catch (error) {
      return { ok: false, message: linkReaderFailed(error) };
    }
    const decoded = decodeShareHash(source.hash);
    if (!decoded.ok) return { ok: false, message: decoded.message };
    return { ok: true, payload: decoded.payload, from: describeHashLink(decoded.payload) };
  }
  const base = source.baseUrl ?? options.baseUrl;
  if (!base) return { ok: false, message: options.noBaseMessage ?? `${source.id} is a bare published id: give the whole address (https://…/p/${source.id}).` };
  const result = await fetchPublished(base, source.id, { ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  if (!result.ok) return result;
  return { ok: true, payload: result.payload, from: publishedUrl(base, source.id) };
}

/** A share link is too long to quote in a comment: its title and the start of its content digest name it. */
function describeHashLink(payload: SharePayload): string {
  const title = payload.playground.title.trim() || 'Untitled';
  return `a share link to “${title.length > 80 ? `${title.slice(0, 79)}…` : title}” (content ${contentDigest(payload).slice(0, 12)})`;
}
