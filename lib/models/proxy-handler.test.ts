// The proxy over real HTTP: a node:http upstream on 127.0.0.1 (allowed through allowedHosts) stands in for a provider.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleProxyRequest } from './proxy-handler';
import { PROXY_BASE_URL_HEADER, proxyEnvFrom, type ProxyEnv } from './proxy-policy';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let upstreamHost: string; // 127.0.0.1:<port>
let seen: Seen[] = [];
let releaseStream: (() => void) | undefined;
let streamClosed: Promise<void> = Promise.resolve();

function upstream(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const record: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    seen.push(record);
    const path = (req.url ?? '').split('?')[0];
    if (path === '/v1/echo' || path === '/v1/chat/completions') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'session=upstream; Path=/',
        'x-ratelimit-remaining-requests': '41',
        'x-request-id': 'req_123',
        'x-internal-secret': 'nope',
        'access-control-allow-origin': '*',
      });
      res.end(JSON.stringify(record));
    } else if (path === '/v1/stream') {
      // First chunk now; the second only after the test has read the first (so the proxy cannot be buffering).
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('data: one\n\n');
      let closed!: () => void;
      streamClosed = new Promise((r) => (closed = r));
      res.on('close', () => closed());
      releaseStream = () => {
        res.write('data: two\n\n');
        setTimeout(() => res.end('data: [DONE]\n\n'), 20);
      };
    } else if (path === '/v1/redirect') {
      res.writeHead(302, { location: `http://${upstreamHost}/v1/echo` });
      res.end('moved');
    } else if (path === '/v1/gzip') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync('hello through gzip'));
    } else if (path === '/v1/limited') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end('{"error":{"message":"slow down"}}');
    } else if (path === '/v1/empty') {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"no such path"}');
    }
  });
}

beforeAll(async () => {
  server = createServer(upstream);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  upstreamHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

afterEach(() => {
  seen = [];
  releaseStream = undefined;
});

function env(extra: Partial<ProxyEnv> = {}): ProxyEnv {
  return { allowedHosts: [upstreamHost], keys: {}, ...extra };
}

const APP = 'http://127.0.0.1:3000';

function proxyRequest(
  provider: string,
  path: string[],
  init: { method?: string; headers?: Record<string, string>; body?: string | ReadableStream<Uint8Array>; search?: string; signal?: AbortSignal; base?: string | null } = {},
): { request: Request; params: { provider: string; path: string[] } } {
  const headers: Record<string, string> = { ...init.headers };
  const base = init.base === undefined ? `http://${upstreamHost}/v1` : init.base;
  if (base !== null) headers[PROXY_BASE_URL_HEADER] = base;
  const request = new Request(`${APP}/api/model-proxy/${provider}/${path.map(encodeURIComponent).join('/')}${init.search ?? ''}`, {
    method: init.method ?? 'POST',
    headers,
    ...(init.body !== undefined ? { body: init.body, duplex: 'half' } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  } as RequestInit);
  return { request, params: { provider, path } };
}

function logger(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

async function errorMessage(res: Response): Promise<string> {
  const json = (await res.json()) as { error: { message: string } };
  return json.error.message;
}

describe('handleProxyRequest over HTTP', () => {
  it('forwards method, path, query, body and only the allowed headers', async () => {
    const { lines, log } = logger();
    const { request, params } = proxyRequest('openai-compatible', ['echo'], {
      search: '?alpha=1&beta=two',
      body: '{"model":"m","messages":[]}',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: 'Bearer user-key',
        cookie: 'session=browser',
        origin: APP,
        'x-forwarded-for': '9.9.9.9',
        'user-agent': 'Mozilla/5.0',
        'x-title': 'Agent Playground',
        'sec-fetch-site': 'same-origin',
      },
    });
    const res = await handleProxyRequest(request, params, env(), fetch, log);
    expect(res.status).toBe(200);
    const echo = (await res.json()) as Seen;
    expect(echo.method).toBe('POST');
    expect(echo.url).toBe('/v1/echo?alpha=1&beta=two');
    expect(echo.body).toBe('{"model":"m","messages":[]}');
    expect(echo.headers.authorization).toBe('Bearer user-key');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers['x-title']).toBe('Agent Playground');
    for (const dropped of ['cookie', 'origin', 'x-forwarded-for', PROXY_BASE_URL_HEADER, 'sec-fetch-site']) {
      expect(echo.headers[dropped], dropped).toBeUndefined();
    }
    expect(echo.headers['user-agent']).not.toBe('Mozilla/5.0');
    expect(echo.headers.host).toBe(upstreamHost);
    // Response headers: forwarded ones only.
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('41');
    expect(res.headers.get('x-request-id')).toBe('req_123');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-internal-secret')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^model-proxy POST openai-compatible ${upstreamHost} -> 200 \\d+ms$`))]);
  });

  it('streams a request body through', async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('{"part":'));
        controller.enqueue(encoder.encode('"two"}'));
        controller.close();
      },
    });
    const { request, params } = proxyRequest('openai-compatible', ['echo'], { body, headers: { 'content-type': 'application/json' } });
    const echo = (await (await handleProxyRequest(request, params, env(), fetch, () => {})).json()) as Seen;
    expect(echo.body).toBe('{"part":"two"}');
  });

  it('streams the response back unbuffered', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['stream'], { method: 'GET' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    // The upstream has not sent the rest yet: this chunk reached us while the response was still open.
    expect(decoder.decode(first.value)).toBe('data: one\n\n');
    expect(releaseStream).toBeDefined();
    releaseStream!();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += decoder.decode(value, { stream: true });
    }
    expect(rest).toBe('data: two\n\ndata: [DONE]\n\n');
  });

  it('closes the upstream call when the browser goes away', async () => {
    const controller = new AbortController();
    const { request, params } = proxyRequest('openai-compatible', ['stream'], { method: 'GET', signal: controller.signal });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel().catch(() => {});
    await expect(Promise.race([streamClosed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open'), 3000))])).resolves.toBe('closed');
  });

  it('passes upstream error statuses and their retry-after through', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['limited'], { method: 'POST', body: '{}' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.text()).toBe('{"error":{"message":"slow down"}}');
  });

  it('passes a 204 through without a body', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['empty'], { method: 'GET' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it('returns a decompressed body without the upstream content-encoding', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['gzip'], { method: 'GET' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('hello through gzip');
  });

  it('adds the server key when the request brings none (or an empty Bearer)', async () => {
    const keys = { 'openai-compatible': 'sk-server-compat' };
    for (const headers of [{}, { authorization: 'Bearer ' }] as Array<Record<string, string>>) {
      const { request, params } = proxyRequest('openai-compatible', ['echo'], { method: 'GET', headers });
      const echo = (await (await handleProxyRequest(request, params, env({ keys }), fetch, () => {})).json()) as Seen;
      expect(echo.headers.authorization).toBe('Bearer sk-server-compat');
    }
    const { request, params } = proxyRequest('openai-compatible', ['echo'], { method: 'GET', headers: { authorization: 'Bearer mine' } });
    const echo = (await (await handleProxyRequest(request, params, env({ keys }), fetch, () => {})).json()) as Seen;
    expect(echo.headers.authorization).toBe('Bearer mine');
  });

  it("sends fixed providers to their own address, with the server key in the provider's header", async () => {
    // The fetch records where the proxy meant to go, then delivers the call to the loopback upstream.
    const targets: string[] = [];
    const viaLoopback: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      targets.push(url.href);
      return fetch(`http://${upstreamHost}/v1/echo${url.search}`, init);
    };
    const keys = { openai: 'sk-o', anthropic: 'sk-a', google: 'sk-g' };
    const call = async (provider: string, path: string[], search = '') => {
      const { request, params } = proxyRequest(provider, path, { body: '{}', search, base: 'http://evil.example/v1', headers: { 'content-type': 'application/json' } });
      return (await (await handleProxyRequest(request, params, env({ keys }), viaLoopback, () => {})).json()) as Seen;
    };
    const o = await call('openai', ['chat', 'completions']);
    expect(o.headers.authorization).toBe('Bearer sk-o');
    const a = await call('anthropic', ['messages']);
    expect(a.headers['x-api-key']).toBe('sk-a');
    expect(a.headers.authorization).toBeUndefined();
    const g = await call('google', ['models', 'gemini-2.5-flash:streamGenerateContent'], '?alt=sse');
    expect(g.headers['x-goog-api-key']).toBe('sk-g');
    expect(targets).toEqual([
      'https://api.openai.com/v1/chat/completions',
      'https://api.anthropic.com/v1/messages',
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    ]);
  });

  it('never reaches the upstream for refused targets', async () => {
    const cases: Array<{ provider: string; path: string[]; base?: string | null; env?: ProxyEnv; headers?: Record<string, string>; status: number; says: RegExp }> = [
      { provider: 'openai-compatible', path: ['echo'], env: { allowedHosts: [], keys: {} }, status: 403, says: /loopback address.*MODEL_PROXY_ALLOWED_HOSTS/ },
      { provider: 'openai-compatible', path: ['..', 'echo'], status: 403, says: /path segment/ },
      { provider: 'openai-compatible', path: ['%2e%2e', 'v1', 'echo'], status: 403, says: /path segment/ },
      { provider: 'openai-compatible', path: ['x%2F..%2Fecho'], status: 403, says: /path segment/ },
      { provider: 'openai-compatible', path: ['echo'], base: null, status: 400, says: /x-proxy-base-url/ },
      { provider: 'openai-compatible', path: ['echo'], base: `http://user:pw@${upstreamHost}/v1`, status: 403, says: /user name or password/ },
      { provider: 'openai-compatible', path: ['echo'], base: `ftp://${upstreamHost}/v1`, status: 403, says: /only https/ },
      { provider: 'nope', path: ['echo'], status: 404, says: /no provider/ },
      { provider: 'openai-compatible', path: ['echo'], headers: { 'sec-fetch-site': 'cross-site' }, status: 403, says: /another site/ },
    ];
    for (const c of cases) {
      const { lines, log } = logger();
      const { request, params } = proxyRequest(c.provider, c.path, { method: 'GET', ...(c.base !== undefined ? { base: c.base } : {}), ...(c.headers ? { headers: c.headers } : {}) });
      const res = await handleProxyRequest(request, params, c.env ?? env(), fetch, log);
      expect(res.status, JSON.stringify(c.path)).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await errorMessage(res)).toMatch(c.says);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(` -> ${c.status} \\d+ms$`));
    }
    expect(seen).toEqual([]);
  });

  it('refuses other methods', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['echo'], { method: 'DELETE' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.status).toBe(405);
    expect(seen).toEqual([]);
  });

  it('does not follow a redirect', async () => {
    const { lines, log } = logger();
    const { request, params } = proxyRequest('openai-compatible', ['redirect'], { method: 'GET' });
    const res = await handleProxyRequest(request, params, env(), fetch, log);
    expect(res.status).toBe(502);
    expect(await errorMessage(res)).toMatch(/redirect \(302\).*never follows redirects/);
    expect(res.headers.get('location')).toBeNull();
    expect(seen.map((s) => s.url)).toEqual(['/v1/redirect']);
    expect(lines[0]).toMatch(/-> 502 \d+ms$/);
  });

  it('says when the upstream cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadHost = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const { lines, log } = logger();
    const { request, params } = proxyRequest('openai-compatible', ['chat', 'completions'], { base: `http://${deadHost}/v1`, body: '{}' });
    const res = await handleProxyRequest(request, params, proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: deadHost }), fetch, log);
    expect(res.status).toBe(502);
    expect(await errorMessage(res)).toBe(`the proxy could not reach ${deadHost}: ECONNREFUSED`);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^model-proxy POST openai-compatible ${deadHost} -> 502 \\d+ms$`))]);
  });

  it('logs one line without keys, bodies or query strings', async () => {
    const { lines, log } = logger();
    const { request, params } = proxyRequest('openai-compatible', ['echo'], {
      search: '?key=query-secret',
      body: '{"prompt":"body-secret"}',
      headers: { authorization: 'Bearer header-secret', 'content-type': 'application/json' },
    });
    const res = await handleProxyRequest(request, params, env({ keys: { 'openai-compatible': 'server-secret' } }), fetch, log);
    await res.text();
    const { request: r2, params: p2 } = proxyRequest('openai-compatible', ['echo'], { method: 'GET', search: '?token=q2' });
    await (await handleProxyRequest(r2, p2, env({ keys: { 'openai-compatible': 'server-secret' } }), fetch, log)).text();
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(/^model-proxy (POST|GET) openai-compatible 127\.0\.0\.1:\d+ -> 200 \d+ms$/);
      for (const secret of ['query-secret', 'body-secret', 'header-secret', 'server-secret', 'q2', '?', 'echo']) expect(line).not.toContain(secret);
    }
  });

  it('does not log a made-up provider name', async () => {
    const { lines, log } = logger();
    const { request, params } = proxyRequest('sk-looks-like-a-key', ['echo'], { method: 'GET' });
    await handleProxyRequest(request, params, env(), fetch, log);
    expect(lines).toEqual([expect.stringMatching(/^model-proxy GET unknown - -> 404 \d+ms$/)]);
  });
});
