import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOtlpProxyTarget, forwardedOtlpHeaders, handleOtlpProxyRequest, OTLP_REFUSAL_HEADER, otlpProxyEnvFrom } from './otlp-proxy';

const APP = 'http://127.0.0.1:3000';
const SECRET = 'Basic cGstbGYtMTpzay1sZi1zZWNyZXQ=';

let server: Server;
let port: number;
let seen: { headers: IncomingHttpHeaders; body: Buffer; url?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks), url: req.url });
      if (req.url === '/moved') return void res.writeHead(307, { Location: 'http://example.com/v1/traces' }).end();
      if (req.url === '/denied') return void res.writeHead(401).end(`bad credentials: ${req.headers.authorization}`);
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const loopbackOnly = otlpProxyEnvFrom({});

function post(path: string, init: { headers?: Record<string, string>; body?: Uint8Array<ArrayBuffer>; method?: string } = {}) {
  return new Request(`${APP}/api/otlp-proxy`, {
    method: init.method ?? 'POST',
    headers: { Origin: APP, 'Content-Type': 'application/x-protobuf', 'x-otlp-endpoint': `http://127.0.0.1:${port}${path}`, ...init.headers },
    ...((init.method ?? 'POST') === 'POST' ? { body: init.body ?? new Uint8Array([10, 0]) } : {}),
  });
}

describe('OTLP proxy: where it may send', () => {
  it('sends to loopback only when the operator lists nothing', () => {
    for (const ok of ['http://127.0.0.1:6006/v1/traces', 'http://localhost:4318/v1/traces', 'http://[::1]:4318/v1/traces', 'https://127.0.0.2/v1/traces']) {
      expect(checkOtlpProxyTarget(ok, loopbackOnly).ok, ok).toBe(true);
    }
    for (const refused of ['https://cloud.langfuse.com/api/public/otel/v1/traces', 'http://10.0.0.5:4318/v1/traces', 'http://169.254.169.254/latest', 'http://127.0.0.1.example.com/v1/traces']) {
      const result = checkOtlpProxyTarget(refused, loopbackOnly);
      expect(result.ok, refused).toBe(false);
      expect(!result.ok && result.status).toBe(403);
      expect(!result.ok && result.message).toContain('OTLP_PROXY_ALLOWED_HOSTS');
    }
  });

  it('sends exactly to the listed hosts when the operator lists some; a host without a port means its default port', () => {
    const env = otlpProxyEnvFrom({ OTLP_PROXY_ALLOWED_HOSTS: 'cloud.langfuse.com, jaeger.internal:4318, not a host' });
    expect(env.warnings).toEqual([expect.stringContaining('"not a host" is not a host')]);
    expect(checkOtlpProxyTarget('https://cloud.langfuse.com/api/public/otel/v1/traces', env).ok).toBe(true);
    expect(checkOtlpProxyTarget('https://cloud.langfuse.com:8443/api/public/otel/v1/traces', env).ok).toBe(false);
    expect(checkOtlpProxyTarget('http://jaeger.internal:4318/v1/traces', env).ok).toBe(true);
    expect(checkOtlpProxyTarget('http://jaeger.internal:4317/v1/traces', env).ok).toBe(false);
    // Listing hosts replaces the loopback default.
    expect(checkOtlpProxyTarget('http://127.0.0.1:6006/v1/traces', env).ok).toBe(false);
  });

  it('refuses addresses that are no OTLP/HTTP endpoint, and credentials in the address', () => {
    expect(checkOtlpProxyTarget(null, loopbackOnly)).toMatchObject({ ok: false, status: 400 });
    expect(checkOtlpProxyTarget('file:///etc/passwd', loopbackOnly)).toMatchObject({ ok: false, status: 400 });
    expect(checkOtlpProxyTarget('http://user:pw@127.0.0.1:6006/v1/traces', loopbackOnly)).toMatchObject({ ok: false, message: expect.stringContaining('header') });
  });

  it('passes on the caller’s headers but none the proxy sets itself', () => {
    expect(forwardedOtlpHeaders(JSON.stringify({ Authorization: SECRET }))).toEqual({ ok: true, headers: { Authorization: SECRET } });
    for (const name of ['Host', 'Cookie', 'Content-Length', 'Proxy-Authorization']) {
      expect(forwardedOtlpHeaders(JSON.stringify({ [name]: 'x' })).ok, name).toBe(false);
    }
    expect(forwardedOtlpHeaders('[1]').ok).toBe(false);
    const bad = forwardedOtlpHeaders(JSON.stringify({ 'Bad Name': SECRET }));
    expect(!bad.ok && bad.message).not.toContain(SECRET);
  });
});

describe('OTLP proxy: requests', () => {
  it('forwards the protobuf body and the endpoint’s headers to an allowed loopback endpoint', async () => {
    seen = [];
    const body = new Uint8Array([10, 3, 1, 2, 3]);
    const response = await handleOtlpProxyRequest(post('/v1/traces', { body, headers: { 'x-otlp-headers': JSON.stringify({ Authorization: SECRET }) } }), loopbackOnly);
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['content-type']).toBe('application/x-protobuf');
    expect(seen[0]!.headers.authorization).toBe(SECRET);
    expect([...seen[0]!.body]).toEqual([...body]);
  });

  it('gives the endpoint’s refusal back with the credentials cut out', async () => {
    const response = await handleOtlpProxyRequest(post('/denied', { headers: { 'x-otlp-headers': JSON.stringify({ Authorization: SECRET }) } }), loopbackOnly);
    expect(response.status).toBe(401);
    expect(response.headers.get(OTLP_REFUSAL_HEADER)).toBeNull();
    const text = await response.text();
    expect(text).toContain('bad credentials');
    expect(text).not.toContain(SECRET);
  });

  it('does not follow a redirect away from the allowed host', async () => {
    seen = [];
    const response = await handleOtlpProxyRequest(post('/moved'), loopbackOnly);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('does not follow redirects');
    expect(seen.map((s) => s.url)).toEqual(['/moved']);
  });

  it('refuses other sites, other methods, other content types and hosts not allowed, without sending anything', async () => {
    seen = [];
    const cases: [Request, number][] = [
      [post('/v1/traces', { headers: { Origin: 'https://evil.example' } }), 403],
      [post('/v1/traces', { method: 'GET' }), 405],
      [post('/v1/traces', { headers: { 'Content-Type': 'application/json' } }), 415],
      [post('/v1/traces', { headers: { 'x-otlp-endpoint': 'https://collector.example.com/v1/traces' } }), 403],
    ];
    for (const [request, status] of cases) {
      const response = await handleOtlpProxyRequest(request, loopbackOnly);
      expect(response.status).toBe(status);
      expect(response.headers.get(OTLP_REFUSAL_HEADER)).toBe('1');
      expect((await response.json()).error).toBeTypeOf('string');
    }
    const noOrigin = new Request(`${APP}/api/otlp-proxy`, { method: 'POST', headers: { 'Content-Type': 'application/x-protobuf', 'x-otlp-endpoint': `http://127.0.0.1:${port}/v1/traces` }, body: new Uint8Array([1]) });
    expect((await handleOtlpProxyRequest(noOrigin, loopbackOnly)).status).toBe(403);
    expect(seen).toHaveLength(0);
  });
});
