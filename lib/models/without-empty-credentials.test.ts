import { describe, expect, it } from 'vitest';
import { withoutEmptyCredentials } from './without-empty-credentials';

function recorder(): { seen: Headers[]; fetch: typeof globalThis.fetch } {
  const seen: Headers[] = [];
  return {
    seen,
    fetch: async (_input, init) => {
      seen.push(new Headers(init?.headers));
      return new Response('{}');
    },
  };
}

describe('withoutEmptyCredentials', () => {
  it('drops credential headers with nothing in them and keeps the rest', async () => {
    const { seen, fetch } = recorder();
    await withoutEmptyCredentials(fetch)('http://127.0.0.1/x', {
      method: 'POST',
      headers: { authorization: 'Bearer ', 'x-api-key': '', 'x-goog-api-key': ' ', 'content-type': 'application/json', 'x-proxy-base-url': 'http://h/v1' },
      body: '{}',
    });
    expect(Object.fromEntries(seen[0]!)).toEqual({ 'content-type': 'application/json', 'x-proxy-base-url': 'http://h/v1' });
  });

  it('keeps a real key', async () => {
    const { seen, fetch } = recorder();
    await withoutEmptyCredentials(fetch)('http://127.0.0.1/x', { headers: { authorization: 'Bearer sk-1', 'x-api-key': 'k' } });
    expect(seen[0]!.get('authorization')).toBe('Bearer sk-1');
    expect(seen[0]!.get('x-api-key')).toBe('k');
  });
});
