// Publishing: the Share dialog's short link. Sends the very payload a hash link carries to POST /api/playgrounds,
// keeps the delete token in the library item it was published from, and Unpublish sends it back with DELETE.
// Every failure (refused content, too big, too many, no server) becomes a message; nothing in the playground changes.
import { create } from 'zustand';
import type { AgentEvent } from '../agent/events';
import type { Playground } from '../playground/schema';
import { PUBLISHED_ID_PATTERN } from '../share/published-id';
import { compactEvents, type SharePayload } from '../share/share-link';
import { useKeyStore } from './key-store';
import { useLibraryStore, type Publication } from './library-store';
import { otlpHeaderSecrets } from './otlp-store';
import { usePlaygroundStore } from './playground-store';
import { useRunStore } from './run-store';
import { currentRunShareability, findKeyLeaks } from './share-store';

export const PUBLISH_PATH = '/api/playgrounds';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type PublishOutcome =
  | { ok: true; id: string; url: string; deleteToken?: string }
  | { ok: false; message: string };

/** The payload a hash link would carry (streamed pieces left out, as the link leaves them out), or why it can't go. */
export function publishPayloadFor(doc: Playground, runEvents: readonly AgentEvent[] | undefined, keys: Record<string, string>): { ok: true; payload: SharePayload } | { ok: false; message: string } {
  const payload: SharePayload = { playground: doc, ...(runEvents ? { run: { events: compactEvents(runEvents) } } : {}) };
  const leaks = findKeyLeaks(JSON.stringify(payload), keys);
  if (leaks.length) {
    return { ok: false, message: `The API key you entered for ${leaks.join(', ')} appears in this playground, so it was not published: keys never leave this browser. Remove the key from the playground and try again.` };
  }
  return { ok: true, payload };
}

async function bodyOf(response: Response): Promise<{ error?: unknown; problems?: unknown; id?: unknown; url?: unknown; deleteToken?: unknown }> {
  try {
    const json: unknown = await response.json();
    return typeof json === 'object' && json !== null ? json : {};
  } catch {
    return {};
  }
}

const said = (body: { error?: unknown }) => (typeof body.error === 'string' && body.error.trim() ? ` (${body.error.trim().replace(/\.$/, '')})` : '');

function problemLines(problems: unknown): string[] {
  if (!Array.isArray(problems)) return [];
  return problems.slice(0, 10).map((p) => (typeof p === 'string' ? p : typeof p === 'object' && p !== null ? [(p as { path?: unknown }).path, (p as { message?: unknown }).message].filter((x) => typeof x === 'string' && x).join(': ') || JSON.stringify(p) : String(p)));
}

/** "in 12 minutes" from a Retry-After header (seconds or an HTTP date). */
export function retryAfterText(header: string | null, now = Date.now()): string {
  if (!header) return 'later';
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - now) / 1000;
  if (!Number.isFinite(seconds) || seconds <= 0) return 'in a moment';
  if (seconds < 90) return `in ${Math.ceil(seconds)} seconds`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}

const KEPT = 'Your playground is unchanged, and its hash link above still works.';

/** POSTs the payload; the answer (or the failure to get one) as an outcome a person can read. */
export async function postPublication(payload: SharePayload, fetchFn: Fetch = fetch): Promise<PublishOutcome> {
  let response: Response;
  try {
    response = await fetchFn(PUBLISH_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
  } catch (error) {
    return { ok: false, message: `The app’s server could not be reached (${error instanceof Error ? error.message : String(error)}), so nothing was published. ${KEPT}` };
  }
  const body = await bodyOf(response);
  if (response.status === 200 || response.status === 201) {
    if (typeof body.id !== 'string' || !PUBLISHED_ID_PATTERN.test(body.id) || typeof body.url !== 'string') {
      return { ok: false, message: `The server’s answer to Publish could not be read (HTTP ${response.status}). ${KEPT}` };
    }
    return { ok: true, id: body.id, url: body.url, ...(response.status === 201 && typeof body.deleteToken === 'string' ? { deleteToken: body.deleteToken } : {}) };
  }
  if (response.status === 400) {
    const lines = problemLines(body.problems);
    return { ok: false, message: `The server refused this playground${said(body)}.${lines.length ? `\n${lines.map((l) => `• ${l}`).join('\n')}` : ''}\n${KEPT}` };
  }
  if (response.status === 413) {
    return { ok: false, message: `This playground is too big to publish${said(body)}. Share it as a file instead (Export / Import), or publish it without the run. ${KEPT}` };
  }
  if (response.status === 429) {
    return { ok: false, message: `Too many publishes from your address${said(body)}: try again ${retryAfterText(response.headers.get('Retry-After'))}. ${KEPT}` };
  }
  if (response.status === 409) {
    return { ok: false, message: `This playground could not be published under its content id${said(body)}. Change anything in it (its title, say) and publish again. ${KEPT}` };
  }
  return { ok: false, message: `The server could not publish this playground (HTTP ${response.status}${said(body).replace(/^ \(/, ': ').replace(/\)$/, '')}). ${KEPT}` };
}

export type UnpublishOutcome = { ok: true; gone: 'deleted' | 'already' } | { ok: false; message: string };

/** DELETEs a record with its token. A record the server no longer has counts as unpublished. */
export async function deletePublication(id: string, deleteToken: string, fetchFn: Fetch = fetch): Promise<UnpublishOutcome> {
  let response: Response;
  try {
    response = await fetchFn(`${PUBLISH_PATH}/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { 'X-Delete-Token': deleteToken } });
  } catch (error) {
    return { ok: false, message: `The app’s server could not be reached (${error instanceof Error ? error.message : String(error)}): the record is still published. Try Unpublish again later.` };
  }
  if (response.status === 204 || response.status === 200) return { ok: true, gone: 'deleted' };
  if (response.status === 404) return { ok: true, gone: 'already' };
  const body = await bodyOf(response);
  if (response.status === 403) return { ok: false, message: `The server refused this browser’s delete token${said(body)}: the record is still published.` };
  return { ok: false, message: `The server could not unpublish it (HTTP ${response.status}${said(body).replace(/^ \(/, ': ').replace(/\)$/, '')}): the record is still published. Try again later.` };
}

/** The `<iframe>` a course page puts where the run should appear. */
export function embedSnippet(url: string, title: string): string {
  const embed = url.replace(/\/p\/([A-Za-z0-9_-]+)$/, '/embed/$1');
  const safeTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<iframe src="${embed}" title="${safeTitle} (Agent Playground)" width="100%" height="600" style="border:1px solid #ccc;border-radius:8px" loading="lazy"></iframe>`;
}

export interface PublishStore {
  busy?: 'publish' | 'unpublish';
  /** The record the last Publish gave (or found already there). */
  last?: { itemId: string; id: string; url: string; withRun: boolean; created: boolean };
  error?: string;
  info?: string;
  /** Publishes the current playground, with its run when asked and possible (as the hash link would carry it). */
  publish: (includeRun: boolean, fetchFn?: Fetch) => Promise<void>;
  /** Unpublishes a record this item holds the token of. */
  unpublish: (publicationId: string, fetchFn?: Fetch) => Promise<void>;
  reset: () => void;
}

export const usePublishStore = create<PublishStore>((set, get) => ({
  async publish(includeRun, fetchFn) {
    if (get().busy) return;
    const itemId = useLibraryStore.getState().currentId;
    if (!itemId) return set({ error: 'The playground is still loading: try again in a moment.' });
    const withRun = includeRun && currentRunShareability().ok;
    const made = publishPayloadFor(usePlaygroundStore.getState().doc, withRun ? useRunStore.getState().events : undefined, { ...useKeyStore.getState().keys, ...otlpHeaderSecrets() });
    if (!made.ok) return set({ error: made.message, info: undefined });
    set({ busy: 'publish', error: undefined, info: undefined });
    const answer = await postPublication(made.payload, fetchFn);
    if (!answer.ok) return set({ busy: undefined, error: answer.message });
    // The short link on the origin this page was opened from (the server may know itself by another name).
    const outcome = typeof location === 'undefined' ? answer : { ...answer, url: `${location.origin}/p/${answer.id}` };
    if (outcome.deleteToken) {
      const publication: Publication = { id: outcome.id, url: outcome.url, deleteToken: outcome.deleteToken, withRun, publishedAt: Date.now() };
      useLibraryStore.getState().addPublication(itemId, publication);
    }
    const held = useLibraryStore.getState().items.find((i) => i.id === itemId)?.publications?.some((p) => p.id === outcome.id);
    set({
      busy: undefined,
      last: { itemId, id: outcome.id, url: outcome.url, withRun, created: Boolean(outcome.deleteToken) },
      info: outcome.deleteToken
        ? undefined
        : held
          ? 'This very content was published before from this playground: the same short link again.'
          : 'This very content was already published (from another browser or playground), so this browser can’t unpublish it.',
    });
  },
  async unpublish(publicationId, fetchFn) {
    if (get().busy) return;
    const itemId = useLibraryStore.getState().currentId;
    const publication = useLibraryStore.getState().items.find((i) => i.id === itemId)?.publications?.find((p) => p.id === publicationId);
    if (!itemId || !publication) return set({ error: 'This playground holds no delete token for that record.' });
    set({ busy: 'unpublish', error: undefined, info: undefined });
    const outcome = await deletePublication(publication.id, publication.deleteToken, fetchFn);
    if (!outcome.ok) return set({ busy: undefined, error: outcome.message });
    useLibraryStore.getState().removePublication(itemId, publication.id);
    const last = get().last?.id === publication.id ? undefined : get().last;
    set({
      busy: undefined,
      last,
      info: outcome.gone === 'deleted' ? `Unpublished: ${publication.url} now says the playground does not exist.` : `The server no longer had ${publication.url}; this browser forgot its token.`,
    });
  },
  reset: () => set({ last: undefined, error: undefined, info: undefined }),
}));
