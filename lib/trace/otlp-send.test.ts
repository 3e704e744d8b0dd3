import { describe, expect, it } from 'vitest';
import { deliverOtlp, parseOtlpHeaders, redact } from './otlp-send';

const SECRET = 'Basic cGstbGYtMTpzay1sZi1zZWNyZXQ=';
const body = new Uint8Array([10, 0]);

type Call = { url: string; init: RequestInit };

/** A fetch that answers by address: a function throws like a browser's CORS failure, a Response is returned. */
function fakeFetch(answers: Record<string, () => Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    const answer = Object.entries(answers).find(([prefix]) => url.startsWith(prefix))?.[1];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('OTLP headers typed as lines', () => {
  it('reads "Name: value" lines, skipping blank ones', () => {
    expect(parseOtlpHeaders(`Authorization: ${SECRET}\n\n  x-project:  demo \n`)).toEqual({ ok: true, headers: { Authorization: SECRET, 'x-project': 'demo' } });
  });

  it('names the bad line by number and never shows its value', () => {
    const bad = parseOtlpHeaders(`x-project: demo\nAuthorization ${SECRET}`);
    expect(bad).toEqual({ ok: false, message: expect.stringContaining('header line 2') });
    expect(!bad.ok && bad.message).not.toContain(SECRET);
    expect(parseOtlpHeaders('Authorization:')).toEqual({ ok: false, message: expect.stringContaining('empty') });
  });

  it('cuts header values (and their token) out of a message', () => {
    expect(redact(`refused ${SECRET} and cGstbGYtMTpzay1sZi1zZWNyZXQ=`, { Authorization: SECRET })).not.toMatch(/cGstbGYt/);
  });
});

describe('sending a run from the page', () => {
  it('goes straight to the endpoint when the browser reaches it', async () => {
    const { fetch, calls } = fakeFetch({ 'http://127.0.0.1:6006/': () => new Response(null, { status: 200 }) });
    const result = await deliverOtlp(body, { endpoint: 'http://127.0.0.1:6006/v1/traces', headers: { Authorization: SECRET }, route: 'auto', appOrigin: 'http://127.0.0.1:3000', fetch });
    expect(result).toEqual({ ok: true, status: 200, via: 'browser' });
    expect(calls.map((c) => c.url)).toEqual(['http://127.0.0.1:6006/v1/traces']);
    expect(new Headers(calls[0]!.init.headers).get('content-type')).toBe('application/x-protobuf');
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe(SECRET);
  });

  it('goes through the app’s server when the browser cannot reach the endpoint (auto)', async () => {
    const { fetch, calls } = fakeFetch({ 'http://127.0.0.1:3000/api/otlp-proxy': () => new Response('', { status: 200 }) });
    const result = await deliverOtlp(body, { endpoint: 'http://127.0.0.1:6006/v1/traces', headers: { Authorization: SECRET }, route: 'auto', appOrigin: 'http://127.0.0.1:3000', fetch });
    expect(result).toEqual({ ok: true, status: 200, via: 'proxy' });
    expect(calls.map((c) => c.url)).toEqual(['http://127.0.0.1:6006/v1/traces', 'http://127.0.0.1:3000/api/otlp-proxy']);
    const proxied = new Headers(calls[1]!.init.headers);
    expect(proxied.get('x-otlp-endpoint')).toBe('http://127.0.0.1:6006/v1/traces');
    expect(JSON.parse(proxied.get('x-otlp-headers')!)).toEqual({ Authorization: SECRET });
  });

  it('does not fall back when the endpoint itself refused, and says what it answered', async () => {
    const { fetch, calls } = fakeFetch({ 'http://127.0.0.1:6006/': () => new Response('Unsupported Media Type', { status: 415, statusText: 'Unsupported Media Type' }) });
    const result = await deliverOtlp(body, { endpoint: 'http://127.0.0.1:6006/v1/traces', route: 'auto', appOrigin: 'http://127.0.0.1:3000', fetch });
    expect(result).toMatchObject({ ok: false, reached: true, status: 415, via: 'browser', message: expect.stringContaining('answered 415') });
    expect(calls).toHaveLength(1);
  });

  it('gives the proxy’s own refusal in its words', async () => {
    const { fetch } = fakeFetch({
      'http://127.0.0.1:3000/api/otlp-proxy': () => new Response(JSON.stringify({ error: 'The OTLP proxy does not send to example.com.' }), { status: 403, headers: { 'x-otlp-proxy-refusal': '1' } }),
    });
    const result = await deliverOtlp(body, { endpoint: 'https://example.com/v1/traces', route: 'proxy', appOrigin: 'http://127.0.0.1:3000', fetch });
    expect(result).toEqual({ ok: false, reached: false, status: 403, via: 'proxy', message: 'The OTLP proxy does not send to example.com.' });
  });
});
