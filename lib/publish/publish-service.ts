// Publishing as the API sees it, without HTTP: rate limit, validation, content id, dedupe, delete tokens.
import { canonicalJson } from '../playground/content-digest';
import type { FieldProblem } from '../playground/parse-playground';
import { contentId, hashDeleteToken, isContentId, newDeleteToken } from './content-id';
import type { PlaygroundRepository } from './repository';
import { validatePayloadText } from './validate-payload';

export interface PublishServiceOptions {
  repository: PlaygroundRepository;
  rateLimit: number;
  windowMs: number;
  now?: () => number;
}

export type PublishOutcome =
  | { kind: 'created'; id: string; deleteToken: string }
  | { kind: 'exists'; id: string }
  /** Another content under the same id (12 characters of a hash: not by chance, but it can be made on purpose). */
  | { kind: 'collision'; id: string }
  | { kind: 'invalid'; error: string; problems: FieldProblem[] };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; error: string };

export type FetchOutcome = { kind: 'found'; payload: string } | { kind: 'not-found' } | { kind: 'bad-id' };

export type UnpublishOutcome = 'deleted' | 'forbidden' | 'not-found' | 'bad-id';

export interface PublishService {
  /** Counts the attempt, or refuses it past the limit. Every admitted attempt counts, valid or not, so bad input cannot flood. */
  admit(client: string): Promise<RateDecision>;
  /** `text`: the body, already within the size limit. */
  publish(text: string): Promise<PublishOutcome>;
  fetch(id: string): Promise<FetchOutcome>;
  unpublish(id: string, deleteToken: string | null): Promise<UnpublishOutcome>;
}

export function createPublishService({ repository, rateLimit, windowMs, now = Date.now }: PublishServiceOptions): PublishService {
  const service: PublishService = {
    async admit(client) {
      const at = now();
      const { allowed, oldestMs } = await repository.takeAttempt(client, at, at - windowMs, rateLimit);
      if (allowed) return { allowed: true };
      // The window slides: a slot frees when the oldest attempt in it is an hour old.
      const retryAfterSeconds = Math.max(1, Math.ceil((oldestMs + windowMs - at) / 1000));
      return { allowed: false, retryAfterSeconds, error: `Too many publishes from this address: at most ${rateLimit} per ${windowMs / 60_000} minutes. Try again in ${retryAfterSeconds} seconds.` };
    },
    async publish(text) {
      const checked = validatePayloadText(text);
      if (!checked.ok) return { kind: 'invalid', error: checked.error, problems: checked.problems };
      const id = contentId(checked.payload);
      const deleteToken = newDeleteToken();
      const payload = JSON.stringify(checked.payload);
      const stored = await repository.createIfAbsent({
        id,
        payload,
        tokenHash: hashDeleteToken(deleteToken),
        createdAt: new Date(now()).toISOString(),
      });
      if (stored) return { kind: 'created', id, deleteToken };
      const existing = await repository.get(id);
      // Unpublished between the two calls: publish it anew.
      if (!existing) return service.publish(text);
      const same = existing.payload === payload || canonicalJson(JSON.parse(existing.payload)) === canonicalJson(checked.payload);
      return same ? { kind: 'exists', id } : { kind: 'collision', id };
    },
    async fetch(id) {
      if (!isContentId(id)) return { kind: 'bad-id' };
      const record = await repository.get(id);
      return record ? { kind: 'found', payload: record.payload } : { kind: 'not-found' };
    },
    async unpublish(id, deleteToken) {
      if (!isContentId(id)) return 'bad-id';
      // A missing token still tells an unknown id from a known one, as the wrong token does.
      return repository.delete(id, hashDeleteToken(deleteToken ?? ''));
    },
  };
  return service;
}
