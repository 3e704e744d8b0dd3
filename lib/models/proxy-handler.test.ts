// The proxy over real HTTP: a node:http upstream on 127.0.0.1 (allowed through allowedHosts) stands in for a provider;
// the fake OpenAI-compatible server checks the key a real run through the proxy brings.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../test-support/fake-openai-server';
import { modelSettingsSchema, type ProviderModelSettings } from '../playground/schema';
import { createProviderModel } from './provider-model';
import { proxyEnvFrom, type ProxyEnv } from './proxy-env';
import { handleProxyRequest } from './proxy-handler';
import { PROXY_BASE_URL_HEADER } from './proxy-policy';

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
    if (path === '/v1/chat/completions' || path === '/v1/models') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'session=upstream; Path=/',
        'x-ratelimit-remaining-requests': '41',
        'x-request-id': 'req_123',
        'x-internal-secret': 'nope',
        'access-control-allow-origin': '*',
      });
      res.end(JSON.stringify(record));
    } else if (path === '/v1/models/stream') {
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
    } else if (path === '/v1/models/redirect') {
      res.writeHead(302, { location: `http://${upstreamHost}/v1/models` });
      res.end('moved');
    } else if (path === '/v1/models/gzip') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync('hello through gzip'));
    } else if (path === '/v1/embeddings') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end('{"error":{"message":"slow down"}}');
    } else if (path === '/v1/models/empty') {
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

/** The loopback upstream allowed; `vars` adds to the environment (keys, a pairing such as `=UPSTREAM_KEY`). */
function env(pairing = '', vars: Record<string, string> = {}): ProxyEnv {
  return proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: `${upstreamHost}${pairing}`, ...vars });
}

const APP = 'http://127.0.0.1:3000';

function proxyRequest(
  provider: string,
  path: string[],
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | ReadableStream<Uint8Array>;
    search?: string;
    signal?: AbortSignal;
    base?: string | null;
    /** The page's Origin; the app's own unless given (null: none, as from a script). */
    origin?: string | null;
  } = {},
): { request: Request; params: { provider: string; path: string[] } } {
  const headers: Record<string, string> = { ...(init.origin === null ? {} : { origin: init.origin ?? APP }), ...init.headers };
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
    const { request, params } = proxyRequest('openai-compatible', ['chat', 'completions'], {
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
    expect(echo.url).toBe('/v1/chat/completions?alpha=1&beta=two');
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
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
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
    const { request, params } = proxyRequest('openai-compatible', ['chat', 'completions'], { body, headers: { 'content-type': 'application/json' } });
    const echo = (await (await handleProxyRequest(request, params, env(), fetch, () => {})).json()) as Seen;
    expect(echo.body).toBe('{"part":"two"}');
  });

  it('streams the response back unbuffered', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['models', 'stream'], { method: 'GET' });
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
    const { request, params } = proxyRequest('openai-compatible', ['models', 'stream'], { method: 'GET', signal: controller.signal });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel().catch(() => {});
    await expect(Promise.race([streamClosed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open'), 3000))])).resolves.toBe('closed');
  });

  it('passes upstream error statuses and their retry-after through', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['embeddings'], { method: 'POST', body: '{}' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toBe('{"error":{"message":"slow down"}}');
  });

  it('passes a 204 through without a body', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['models', 'empty'], { method: 'GET' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it('returns a decompressed body without the upstream content-encoding', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['models', 'gzip'], { method: 'GET' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('hello through gzip');
  });

  it('adds the paired server key only when the request brings no credential header at all', async () => {
    const paired = env('=UPSTREAM_KEY', { UPSTREAM_KEY: 'sk-server-paired' });
    const call = async (headers: Record<string, string>) => {
      const { request, params } = proxyRequest('openai-compatible', ['models'], { method: 'GET', headers });
      return handleProxyRequest(request, params, paired, fetch, () => {});
    };
    expect(((await (await call({})).json()) as Seen).headers.authorization).toBe('Bearer sk-server-paired');
    expect(((await (await call({ authorization: 'Bearer mine' })).json()) as Seen).headers.authorization).toBe('Bearer mine');
    // A key in another credential header counts as the caller's own: no server key beside it.
    const other = (await (await call({ 'x-api-key': 'mine' })).json()) as Seen;
    expect(other.headers['x-api-key']).toBe('mine');
    expect(other.headers.authorization).toBeUndefined();
    expect(seen).toHaveLength(3);
  });

  it('refuses an empty credential with 401 instead of filling in the server key', async () => {
    const paired = env('=UPSTREAM_KEY', { UPSTREAM_KEY: 'sk-server-paired' });
    const empties: Array<Record<string, string>> = [{ authorization: 'Bearer' }, { authorization: 'Bearer   ' }, { authorization: '' }, { 'x-api-key': '' }, { 'x-goog-api-key': ' ' }];
    for (const headers of empties) {
      const { request, params } = proxyRequest('openai-compatible', ['chat', 'completions'], { body: '{}', headers });
      const res = await handleProxyRequest(request, params, paired, fetch, () => {});
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(await errorMessage(res)).toMatch(/header is empty.*leave the header out entirely/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(seen).toEqual([]);
  });

  it("sends fixed providers to their own address, with the server key in the provider's header", async () => {
    // The fetch records where the proxy meant to go, then delivers the call to the loopback upstream.
    const targets: string[] = [];
    const viaLoopback: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      targets.push(url.href);
      return fetch(`http://${upstreamHost}/v1/chat/completions${url.search}`, init);
    };
    const keys = { OPENAI_API_KEY: 'sk-o', ANTHROPIC_API_KEY: 'sk-a', GOOGLE_GENERATIVE_AI_API_KEY: 'sk-g' };
    const call = async (provider: string, path: string[], search = '') => {
      const { request, params } = proxyRequest(provider, path, { body: '{}', search, base: 'http://evil.example/v1', headers: { 'content-type': 'application/json' } });
      return (await (await handleProxyRequest(request, params, env('', keys), viaLoopback, () => {})).json()) as Seen;
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
    const cc = ['chat', 'completions'];
    const paired = env('=UPSTREAM_KEY', { UPSTREAM_KEY: 'sk-server-paired' });
    const cases: Array<{
      provider: string;
      path: string[];
      method?: string;
      base?: string | null;
      env?: ProxyEnv;
      headers?: Record<string, string>;
      origin?: string | null;
      status: number;
      says: RegExp;
    }> = [
      { provider: 'openai-compatible', path: cc, env: proxyEnvFrom({}), status: 403, says: /loopback address.*MODEL_PROXY_ALLOWED_HOSTS/ },
      { provider: 'openai-compatible', path: ['..', 'chat', 'completions'], status: 403, says: /path segment/ },
      { provider: 'openai-compatible', path: ['%2e%2e', 'v1', 'chat', 'completions'], status: 403, says: /path segment/ },
      { provider: 'openai-compatible', path: ['x%2F..%2Fchat'], status: 403, says: /path segment/ },
      { provider: 'openai-compatible', path: ['api', 'pull'], status: 403, says: /"api\/pull" is not one.*POST chat\/completions/ },
      { provider: 'openai-compatible', path: ['pull'], base: `http://${upstreamHost}/api`, status: 403, says: /"pull" is not one/ },
      { provider: 'openai-compatible', path: ['models'], base: `http://${upstreamHost}/v1/../api`, status: 400, says: /"\." or "\.\." segment/ },
      { provider: 'openai-compatible', path: ['models'], status: 405, says: /only as GET, not POST/ },
      { provider: 'openai', path: ['files'], status: 403, says: /forwards model API calls only/ },
      { provider: 'openai-compatible', path: cc, base: null, status: 400, says: /x-proxy-base-url/ },
      { provider: 'openai-compatible', path: cc, base: `http://user:pw@${upstreamHost}/v1`, status: 403, says: /user name or password/ },
      { provider: 'openai-compatible', path: cc, base: `ftp://${upstreamHost}/v1`, status: 403, says: /only https/ },
      { provider: 'nope', path: cc, status: 404, says: /no provider/ },
      { provider: 'openai-compatible', path: cc, headers: { 'sec-fetch-site': 'cross-site' }, status: 403, says: /another site/ },
      { provider: 'openai-compatible', path: cc, origin: 'https://evil.example', status: 403, says: /another origin \(Origin: "https:\/\/evil\.example"\)/ },
      { provider: 'openai-compatible', path: cc, origin: 'null', status: 403, says: /another origin/ },
      { provider: 'openai-compatible', path: cc, origin: null, status: 403, says: /without an Origin or Sec-Fetch-Site.*MODEL_PROXY_ALLOW_NO_ORIGIN=1/ },
      { provider: 'openai-compatible', path: ['models'], method: 'GET', origin: null, env: paired, status: 403, says: /would use the server’s key/ },
      { provider: 'openai-compatible', path: cc, headers: { authorization: 'Bearer ' }, env: paired, status: 401, says: /authorization header is empty/ },
    ];
    for (const c of cases) {
      const { lines, log } = logger();
      const { request, params } = proxyRequest(c.provider, c.path, {
        method: c.method ?? 'POST',
        ...(c.method === 'GET' ? {} : { body: '{}' }),
        ...(c.base !== undefined ? { base: c.base } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
        ...(c.origin !== undefined ? { origin: c.origin } : {}),
      });
      const res = await handleProxyRequest(request, params, c.env ?? env(), fetch, log);
      const label = `${c.provider} ${c.path.join('/')} ${JSON.stringify(c.headers ?? {})} ${String(c.origin)}`;
      expect(res.status, label).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), label).toBe('no-referrer');
      expect(await errorMessage(res), label).toMatch(c.says);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(` -> ${c.status} \\d+ms$`));
    }
    expect(seen).toEqual([]);
  });

  it('lets scripts through without Origin when the operator opts in, and a keyless GET (model list) anyway', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['chat', 'completions'], { origin: null, body: '{}' });
    const optedIn = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: upstreamHost, MODEL_PROXY_ALLOW_NO_ORIGIN: '1' });
    expect((await handleProxyRequest(request, params, optedIn, fetch, () => {})).status).toBe(200);
    const list = proxyRequest('openai-compatible', ['models'], { origin: null, method: 'GET' });
    expect((await handleProxyRequest(list.request, list.params, env(), fetch, () => {})).status).toBe(200);
    expect(seen.map((r) => r.url)).toEqual(['/v1/chat/completions', '/v1/models']);
  });

  it('refuses other methods', async () => {
    const { request, params } = proxyRequest('openai-compatible', ['chat', 'completions'], { method: 'DELETE' });
    const res = await handleProxyRequest(request, params, env(), fetch, () => {});
    expect(res.status).toBe(405);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(seen).toEqual([]);
  });

  it('does not follow a redirect', async () => {
    const { lines, log } = logger();
    const { request, params } = proxyRequest('openai-compatible', ['models', 'redirect'], { method: 'GET' });
    const res = await handleProxyRequest(request, params, env(), fetch, log);
    expect(res.status).toBe(502);
    expect(res.headers.get('x-agent-playground-proxy')).toBe('refused');
    expect(await errorMessage(res)).toMatch(/redirect \(302\).*never follows redirects/);
    expect(res.headers.get('location')).toBeNull();
    expect(seen.map((s) => s.url)).toEqual(['/v1/models/redirect']);
    expect(lines[0]).toMatch(/-> 502 \d+ms$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
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
    // Marked as the proxy's own failure, with the code and host as data: not the upstream's 502.
    expect(res.headers.get('x-agent-playground-proxy')).toBe('unreachable');
    expect(await res.json()).toEqual({
      error: { kind: 'unreachable', code: 'ECONNREFUSED', host: deadHost, message: `The app's server could not reach ${deadHost}: connection refused.` },
    });
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^model-proxy POST openai-compatible ${deadHost} -> 502 \\d+ms$`))]);
  });

  it('logs one line without keys, bodies or query strings', async () => {
    const { lines, log } = logger();
    const { request, params } = proxyRequest('openai-compatible', ['chat', 'completions'], {
      search: '?key=query-secret',
      body: '{"prompt":"body-secret"}',
      headers: { authorization: 'Bearer header-secret', 'content-type': 'application/json' },
    });
    const withKey = env('=UPSTREAM_KEY', { UPSTREAM_KEY: 'server-secret' });
    const res = await handleProxyRequest(request, params, withKey, fetch, log);
    await res.text();
    const { request: r2, params: p2 } = proxyRequest('openai-compatible', ['models'], { method: 'GET', search: '?token=q2' });
    await (await handleProxyRequest(r2, p2, withKey, fetch, log)).text();
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(/^model-proxy (POST|GET) openai-compatible 127\.0\.0\.1:\d+ -> 200 \d+ms$/);
      for (const secret of ['query-secret', 'body-secret', 'header-secret', 'server-secret', 'q2', '?', 'completions', 'models']) expect(line).not.toContain(secret);
    }
  });

  it('does not log a made-up provider name', async () => {
    const { lines, log } = logger();
    const { request, params } = proxyRequest('sk-looks-like-a-key', ['models'], { method: 'GET' });
    await handleProxyRequest(request, params, env(), fetch, log);
    expect(lines).toEqual([expect.stringMatching(/^model-proxy GET unknown - -> 404 \d+ms$/)]);
  });
});

describe('server keys through the proxy, against the fake OpenAI-compatible server', () => {
  const PAIRED_KEY = 'sk-paired-0123456789';
  let fake: FakeOpenAIServer;
  let fakeHost: string;

  beforeAll(async () => {
    fake = await startFakeOpenAIServer({ apiKey: PAIRED_KEY });
    fakeHost = new URL(fake.baseURL).host;
  });
  afterAll(() => fake.close());
  afterEach(() => fake.reset());

  /** What the route does: the app's page calls /api/model-proxy/<provider>/<path> on its own origin. */
  function throughProxy(proxyEnv: ProxyEnv, upstreamFetch: typeof fetch = fetch): typeof fetch {
    return async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = new Headers(init?.headers);
      headers.set('origin', url.origin); // a browser sends it on every POST from the app's own page
      const request = new Request(url, { ...init, headers, duplex: 'half' } as RequestInit);
      const [, , , provider = '', ...path] = url.pathname.split('/');
      return handleProxyRequest(request, { provider, path: path.map(decodeURIComponent) }, proxyEnv, upstreamFetch, () => {});
    };
  }

  /** Delivers a call meant for a public host to the fake, recording where it was meant to go. */
  function toFake(targets: string[]): typeof fetch {
    return (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      targets.push(url.href);
      return fetch(`${fake.baseURL}/chat/completions`, init);
    };
  }

  async function streamedChat(proxyEnv: ProxyEnv, opts: { base?: string; headers?: Record<string, string>; upstream?: typeof fetch } = {}): Promise<Response> {
    const request = new Request(`${APP}/api/model-proxy/openai-compatible/chat/completions`, {
      method: 'POST',
      headers: {
        origin: APP,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        [PROXY_BASE_URL_HEADER]: opts.base ?? fake.baseURL,
        ...opts.headers,
      },
      body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'Say hello.' }] }),
    });
    return handleProxyRequest(request, { provider: 'openai-compatible', path: ['chat', 'completions'] }, proxyEnv, opts.upstream ?? fetch, () => {});
  }

  function streamedText(sse: string): string {
    return sse
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => (JSON.parse(line.slice(6)) as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content ?? '')
      .join('');
  }

  it('sends the key paired with the host (host=VARIABLE) and streams the answer back', async () => {
    const proxyEnv = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: `${fakeHost}=SOME_KEY_VAR`, SOME_KEY_VAR: PAIRED_KEY, OPENAI_COMPATIBLE_API_KEY: 'sk-compat-not-this' });
    fake.reply({ text: 'Hello through the proxy, streamed in pieces.' });
    const res = await streamedChat(proxyEnv);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(streamedText(await res.text())).toBe('Hello through the proxy, streamed in pieces.');
    expect(fake.requests.map((r) => [r.path, r.headers.authorization])).toEqual([['/v1/chat/completions', `Bearer ${PAIRED_KEY}`]]);
  });

  it('gives an unpaired allowed host no server key, even with OPENAI_COMPATIBLE_API_KEY set', async () => {
    const proxyEnv = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: fakeHost, OPENAI_COMPATIBLE_API_KEY: PAIRED_KEY });
    const res = await streamedChat(proxyEnv);
    expect(res.status).toBe(401); // the fake wants a key and got none
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('never sends OPENAI_COMPATIBLE_API_KEY to a preset host', async () => {
    const targets: string[] = [];
    const proxyEnv = proxyEnvFrom({ OPENAI_COMPATIBLE_API_KEY: PAIRED_KEY, OPENAI_API_KEY: 'sk-openai-server' });
    const res = await streamedChat(proxyEnv, { base: 'https://openrouter.ai/api/v1', upstream: toFake(targets) });
    expect(res.status).toBe(401);
    expect(targets).toEqual(['https://openrouter.ai/api/v1/chat/completions']);
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("passes the browser's own key through unchanged, instead of the paired one", async () => {
    const proxyEnv = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: `${fakeHost}=SOME_KEY_VAR`, SOME_KEY_VAR: 'sk-server-other' });
    fake.reply({ text: 'Hi.' });
    const res = await streamedChat(proxyEnv, { headers: { authorization: `Bearer ${PAIRED_KEY}` } });
    expect(res.status).toBe(200);
    expect(streamedText(await res.text())).toBe('Hi.');
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${PAIRED_KEY}`);
  });

  it('runs the app’s own OpenAI-compatible client through the proxy with the paired key', async () => {
    const proxyEnv = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: `${fakeHost}=SOME_KEY_VAR`, SOME_KEY_VAR: PAIRED_KEY });
    const settings = modelSettingsSchema.parse({ provider: 'openai-compatible', preset: 'custom', baseURL: fake.baseURL, model: 'fake-model', via: 'proxy' }) as ProviderModelSettings;
    const model = createProviderModel(settings, { pageOrigin: APP, fetch: throughProxy(proxyEnv) });
    fake.reply({ text: 'Answer from the fake.' });
    const deltas: string[] = [];
    const response = await model.generate({ messages: [{ role: 'user', content: 'Hi' }], purpose: 'action', agent: 'main' }, { onTextDelta: (d) => deltas.push(d) });
    expect(response.text).toBe('Answer from the fake.');
    expect(deltas.length).toBeGreaterThan(1);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${PAIRED_KEY}`);
  });

  it('runs the OpenAI client through the proxy without a key of its own: it sends no empty Bearer, the server key is used', async () => {
    const targets: string[] = [];
    const proxyEnv = proxyEnvFrom({ OPENAI_API_KEY: PAIRED_KEY });
    const settings = modelSettingsSchema.parse({ provider: 'openai', model: 'gpt-4.1-mini', via: 'proxy', maxRetries: 0 }) as ProviderModelSettings;
    const model = createProviderModel(settings, { pageOrigin: APP, fetch: throughProxy(proxyEnv, toFake(targets)) });
    fake.reply({ text: 'From OpenAI, via the server key.' });
    const response = await model.generate({ messages: [{ role: 'user', content: 'Hi' }], purpose: 'action', agent: 'main' });
    expect(response.text).toBe('From OpenAI, via the server key.');
    expect(targets).toEqual(['https://api.openai.com/v1/chat/completions']);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${PAIRED_KEY}`);
  });

  const openaiViaProxy = (maxRetries: number) => modelSettingsSchema.parse({ provider: 'openai', model: 'gpt-4.1-mini', via: 'proxy', maxRetries }) as ProviderModelSettings;
  const ask = { messages: [{ role: 'user' as const, content: 'Hi' }], purpose: 'action' as const, agent: 'main' };

  it("blames the app's server, not OpenAI, when that server cannot resolve the provider's host, and tries once", async () => {
    let attempts = 0;
    // What Node's fetch throws on a machine without DNS.
    const noDns: typeof fetch = async () => {
      attempts++;
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.openai.com'), { code: 'ENOTFOUND', hostname: 'api.openai.com' }) });
    };
    const sleeps: number[] = [];
    const model = createProviderModel(openaiViaProxy(3), {
      apiKey: 'sk-browser-key-0123456789',
      pageOrigin: APP,
      fetch: throughProxy(proxyEnvFrom({}), noDns),
      sleep: async (ms) => void sleeps.push(ms),
    });
    const retries: unknown[] = [];
    const error = (await model.generate(ask, { onRetry: (r) => retries.push(r) }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^The app's server could not reach api\.openai\.com \(DNS lookup failed\)\. Check that server's network/);
    expect(error.message).toMatch(/OpenAI itself was never reached, so this is not on the provider's side/);
    expect(error.message).not.toMatch(/server error|Tried/);
    expect(attempts).toBe(1);
    expect(retries).toEqual([]);
    expect(sleeps).toEqual([]);
  });

  it("still retries the provider's own 502, and says it is on the provider's side", async () => {
    let attempts = 0;
    const badGateway: typeof fetch = async () => {
      attempts++;
      return new Response('{"error":{"message":"upstream overloaded"}}', { status: 502, headers: { 'content-type': 'application/json' } });
    };
    const model = createProviderModel(openaiViaProxy(2), { apiKey: 'sk-browser-key-0123456789', pageOrigin: APP, fetch: throughProxy(proxyEnvFrom({}), badGateway), sleep: async () => {} });
    const error = (await model.generate(ask).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/OpenAI had a server error \(502\)\. The server said: “upstream overloaded”\. This is on the provider's side.*Tried 3 times/);
    expect(attempts).toBe(3);
  });

  it("says the proxy refused the call when the refusal is the proxy's own, not the provider's", async () => {
    const model = createProviderModel(
      modelSettingsSchema.parse({ provider: 'openai-compatible', preset: 'custom', baseURL: 'https://not-allowed.example/v1', model: 'm', via: 'proxy', maxRetries: 2 }) as ProviderModelSettings,
      { pageOrigin: APP, fetch: throughProxy(proxyEnvFrom({})), sleep: async () => {} },
    );
    const error = (await model.generate(ask).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^This app's model proxy refused the call \(403\): .*not-allowed\.example.*The OpenAI-compatible server was not called\.$/s);
  });
});
