// What a person may paste to name a shared playground: a published id, a `/p/<id>` address, or a share (hash) link.
import { readHash } from './hash-params';

/** Published ids: content-derived, URL-safe (the publish API's alphabet; it hands out 12 characters). */
export const PUBLISHED_ID = /^[A-Za-z0-9_-]{10,64}$/;

export type LinkSource =
  | { kind: 'hash'; hash: string }
  /** `baseUrl`: the app that published it (from a full address); absent for a bare id. */
  | { kind: 'published'; id: string; baseUrl?: string }
  | { kind: 'invalid'; message: string };

const NOT_A_LINK =
  'This is not a link to a playground. Paste a published id (like Ab3dE_6hIj-k), a published address (https://…/p/<id>), or a share link (…#share=…).';

export function parseLinkSource(input: string): LinkSource {
  const text = input.trim();
  if (!text) return { kind: 'invalid', message: 'Paste a published id, a /p/ address or a share link first.' };
  if (PUBLISHED_ID.test(text)) return { kind: 'published', id: text };
  if (/^#?share=/.test(text)) return { kind: 'hash', hash: text.replace(/^#/, '') };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'invalid', message: NOT_A_LINK };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'invalid', message: `${NOT_A_LINK} (Only http and https addresses are read.)` };
  if (readHash(url.hash).share !== undefined) return { kind: 'hash', hash: url.hash.slice(1) };
  const published = /^(.*)\/(?:p|embed)\/([^/]+)\/?$/.exec(url.pathname);
  if (published) {
    const id = decodeURIComponent(published[2]!);
    if (!PUBLISHED_ID.test(id)) return { kind: 'invalid', message: `“${id.slice(0, 40)}” is not a published id: ids are 10 or more letters, digits, - and _.` };
    return { kind: 'published', id, baseUrl: `${url.origin}${published[1]}` };
  }
  return { kind: 'invalid', message: NOT_A_LINK };
}

/** The address a published playground opens at (`<base>/p/<id>`). */
export function publishedUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/p/${id}`;
}
