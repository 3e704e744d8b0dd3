import { describe, expect, it } from 'vitest';
import { contentId, hashDeleteToken, isContentId, newDeleteToken } from './content-id';

describe('content ids and delete tokens', () => {
  it('gives the same content the same 12-character URL-safe id, whatever the order of its keys', () => {
    const a = contentId({ playground: { version: 1, task: 'x' } });
    expect(a).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(contentId({ playground: { task: 'x', version: 1 } })).toBe(a);
    expect(contentId({ playground: { version: 1, task: 'y' } })).not.toBe(a);
  });

  it('accepts only ids of the id alphabet and length', () => {
    expect(isContentId('abcDEF012_-z')).toBe(true);
    expect(isContentId('abcDEF012_-')).toBe(false);
    expect(isContentId('abcDEF012_-z/')).toBe(false);
    expect(isContentId('abc DEF012_-')).toBe(false);
  });

  it('makes a fresh 43-character token each time and stores only its hash', () => {
    const token = newDeleteToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newDeleteToken()).not.toBe(token);
    expect(hashDeleteToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashDeleteToken(token)).not.toContain(token);
  });
});
