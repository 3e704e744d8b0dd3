// Content ids and delete tokens of published playgrounds.
import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../playground/content-digest';
import { PUBLISHED_ID_LENGTH, PUBLISHED_ID_PATTERN } from '../share/published-id';

export const ID_LENGTH = PUBLISHED_ID_LENGTH;
export const ID_PATTERN = PUBLISHED_ID_PATTERN;

/** The first 12 characters of base64url(SHA-256(canonical JSON)): the same content always gets the same id. */
export function contentId(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('base64url').slice(0, ID_LENGTH);
}

export function isContentId(text: string): boolean {
  return ID_PATTERN.test(text);
}

/** 32 random bytes, base64url: what the publisher keeps to unpublish. */
export function newDeleteToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored, so a copy of the database cannot unpublish anything. */
export function hashDeleteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
