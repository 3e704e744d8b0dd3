import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifyUnreachable, PROXY_MARK_HEADER, readUnreachable, unreachableResponse } from './proxy-unreachable';

/** What Node's fetch (undici) throws: a TypeError whose cause carries the system error's code. */
const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
const sysError = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('classifyUnreachable', () => {
  it('names a DNS failure, a refused connection and a certificate error from the cause chain', () => {
    expect(classifyUnreachable(fetchFailed(sysError('getaddrinfo ENOTFOUND api.openai.com', 'ENOTFOUND')), 'api.openai.com')).toEqual({
      kind: 'unreachable',
      code: 'ENOTFOUND',
      host: 'api.openai.com',
    });
    expect(classifyUnreachable(fetchFailed(sysError('getaddrinfo EAI_AGAIN api.openai.com', 'EAI_AGAIN')), 'api.openai.com').code).toBe('EAI_AGAIN');
    expect(classifyUnreachable(fetchFailed(sysError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED')), '127.0.0.1:9').code).toBe('ECONNREFUSED');
    expect(classifyUnreachable(fetchFailed(sysError('certificate has expired', 'CERT_HAS_EXPIRED')), 'api.anthropic.com')).toEqual({
      kind: 'unreachable',
      code: 'TLS',
      host: 'api.anthropic.com',
      detail: 'CERT_HAS_EXPIRED',
    });
    for (const tls of ['ERR_TLS_CERT_ALTNAME_INVALID', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
      expect(classifyUnreachable(fetchFailed(sysError(tls, tls)), 'h').code, tls).toBe('TLS');
    }
  });

  it('looks inside an AggregateError (Node tries every address of a host) and maps undici’s own codes', () => {
    const both = Object.assign(new AggregateError([sysError('connect ECONNREFUSED ::1:9', 'ECONNREFUSED'), sysError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED')]), {});
    expect(classifyUnreachable(fetchFailed(both), 'localhost:9').code).toBe('ECONNREFUSED');
    expect(classifyUnreachable(fetchFailed(sysError('Connect Timeout Error', 'UND_ERR_CONNECT_TIMEOUT')), 'h').code).toBe('ETIMEDOUT');
    expect(classifyUnreachable(fetchFailed(new Error('weird')), 'h').code).toBe('UNKNOWN');
  });

  it('classifies a real refused connection from Node’s fetch', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const error = await fetch(`http://${host}/v1/models`).catch((e: unknown) => e);
    expect(classifyUnreachable(error, host)).toEqual({ kind: 'unreachable', code: 'ECONNREFUSED', host });
  });
});

describe('the proxy’s unreachable answer', () => {
  it('is a marked 502 whose code and host the page reads back; an unmarked 502 is the provider’s own', async () => {
    const res = unreachableResponse({ kind: 'unreachable', code: 'ENOTFOUND', host: 'api.openai.com' });
    expect(res.status).toBe(502);
    expect(res.headers.get(PROXY_MARK_HEADER)).toBe('unreachable');
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ error: { kind: 'unreachable', code: 'ENOTFOUND', host: 'api.openai.com', message: "The app's server could not reach api.openai.com: DNS lookup failed." } });
    expect(readUnreachable({ [PROXY_MARK_HEADER]: 'unreachable' }, body)).toEqual({ kind: 'unreachable', code: 'ENOTFOUND', host: 'api.openai.com' });
    expect(readUnreachable({}, body)).toBeUndefined();
    expect(readUnreachable({ [PROXY_MARK_HEADER]: 'unreachable' }, '<html>bad gateway</html>')).toBeUndefined();
  });
});
