// The MCP proxy's rules over real HTTP: a node:http upstream on 127.0.0.1 (allowed through MCP_PROXY_ALLOWED_HOSTS)
// records what reaches it. The SDK's transports through the proxy are tested in proxy-fetch.test.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mcpProxyEnvFrom, type McpProxyEnv } from './mcp-proxy-env';
import { handleMcpProxyRequest } from './mcp-proxy-handler';
import { MCP_TARGET_HEADER } from './mcp-proxy-policy';

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
    if (path === '/mcp') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'mcp-session-id': 'session-1',
        'set-cookie': 'sid=upstream; Path=/',
        'x-internal-secret': 'nope',
        'access-control-allow-origin': '*',
      });
      res.end(JSON.stringify(record));
    } else if (path === '/stream') {
      // First event now; the second only after the test has read the first (so the proxy cannot be buffering).
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: endpoint\ndata: /messages?sessionId=abc\n\n');
      let closed!: () => void;
      streamClosed = new Promise((r) => (closed = r));
      res.on('close', () => closed());
      releaseStream = () => res.end('event: message\ndata: {"jsonrpc":"2.0"}\n\n');
    } else if (path === '/secure') {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="test"' });
      res.end('{"error":"invalid_token"}');
    } else if (path === '/moved') {
      res.writeHead(307, { location: `http://${upstreamHost}/mcp?code=secret-code` });
      res.end();
    } else if (path === '/gone') {
      res.writeHead(202);
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such path');
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

const APP = 'http://127.0.0.1:3000';

function env(hosts = upstreamHost, vars: Record<string, string> = {}): McpProxyEnv {
  return mcpProxyEnvFrom({ MCP_PROXY_ALLOWED_HOSTS: hosts, ...vars });
}

function proxyRequest(
  target: string | null,
  init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal; origin?: string | null } = {},
): Request {
  const headers: Record<string, string> = { ...(init.origin === null ? {} : { origin: init.origin ?? APP }), ...init.headers };
  if (target !== null) headers[MCP_TARGET_HEADER] = target;
  return new Request(`${APP}/api/mcp-proxy`, {
    method: init.method ?? 'POST',
    headers,
    ...(init.body !== undefined ? { body: init.body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

function logger(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

async function errorMessage(res: Response): Promise<string> {
  return ((await res.json()) as { error: { message: string } }).error.message;
}

describe('handleMcpProxyRequest', () => {
  it('forwards method, path, query, body and only the MCP headers; passes back only the MCP response headers', async () => {
    const { lines, log } = logger();
    const body = '{"jsonrpc":"2.0","id":1,"method":"tools/list"}';
    const request = proxyRequest(`http://${upstreamHost}/mcp?tenant=7#frag`, {
      body,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: 'Bearer person-token',
        'mcp-session-id': 'session-1',
        'mcp-protocol-version': '2025-06-18',
        'last-event-id': '42',
        cookie: 'app-session=browser',
        'x-forwarded-for': '9.9.9.9',
        'sec-fetch-site': 'same-origin',
      },
    });
    const res = await handleMcpProxyRequest(request, env(), fetch, log);
    expect(res.status).toBe(200);
    const echo = (await res.json()) as Seen;
    expect(echo.method).toBe('POST');
    expect(echo.url).toBe('/mcp?tenant=7');
    expect(echo.body).toBe(body);
    expect(echo.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: 'Bearer person-token',
      'mcp-session-id': 'session-1',
      'mcp-protocol-version': '2025-06-18',
      'last-event-id': '42',
      host: upstreamHost,
    });
    for (const dropped of ['cookie', 'origin', 'x-forwarded-for', 'sec-fetch-site', MCP_TARGET_HEADER]) expect(echo.headers[dropped], dropped).toBeUndefined();
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('mcp-session-id')).toBe('session-1');
    for (const dropped of ['set-cookie', 'x-internal-secret', 'access-control-allow-origin']) expect(res.headers.get(dropped), dropped).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // One line, without the token, the body, the path or the query.
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^mcp-proxy POST ${upstreamHost} -> 200 \\d+ms$`))]);
  });

  it('passes the server’s 401 and WWW-Authenticate back, so the page can tell the token is wrong', async () => {
    const res = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/secure`, { body: '{}', headers: { authorization: 'Bearer wrong' } }), env(), fetch, () => {});
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="test"');
    expect(res.headers.get('x-agent-playground-proxy')).toBeNull();
  });

  it('forwards GET and DELETE without a body, and an answer without one', async () => {
    const deleted = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/gone`, { method: 'DELETE', headers: { 'mcp-session-id': 's' } }), env(), fetch, () => {});
    expect(deleted.status).toBe(202);
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', body: '', headers: { 'mcp-session-id': 's' } });
    const got = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/mcp`, { method: 'GET', origin: null }), env(), fetch, () => {});
    expect(got.status).toBe(200);
    expect(seen.at(-1)?.method).toBe('GET');
  });

  it('streams an event stream back event by event, and closes the upstream when the page goes away', async () => {
    const controller = new AbortController();
    const request = proxyRequest(`http://${upstreamHost}/stream`, { method: 'GET', headers: { accept: 'text/event-stream' }, signal: controller.signal });
    const res = await handleMcpProxyRequest(request, env(), fetch, () => {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    // The upstream has not sent the second event yet: the first reached us while the stream was still open.
    expect(first).toContain('event: endpoint');
    expect(first).not.toContain('event: message');
    controller.abort();
    await streamClosed;
    await reader.cancel().catch(() => {});
  });

  it('streams every event of an event stream through to its end', async () => {
    const res = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/stream`, { method: 'GET' }), env(), fetch, () => {});
    const reader = res.body!.getReader();
    let text = new TextDecoder().decode((await reader.read()).value);
    releaseStream!();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toBe('event: endpoint\ndata: /messages?sessionId=abc\n\nevent: message\ndata: {"jsonrpc":"2.0"}\n\n');
  });
});

describe('handleMcpProxyRequest refuses', () => {
  it('methods MCP does not use, with Allow', async () => {
    const res = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/mcp`, { method: 'PUT', body: '{}' }), env(), fetch, () => {});
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, DELETE');
    expect(await errorMessage(res)).toContain('not PUT');
    expect(seen).toEqual([]);
  });

  it('calls from another site, as the model proxy does', async () => {
    const fromElsewhere = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/mcp`, { body: '{}', origin: 'https://evil.example' }), env(), fetch, () => {});
    expect(fromElsewhere.status).toBe(403);
    expect(await errorMessage(fromElsewhere)).toMatch(/^The MCP proxy serves this app's own pages only.*evil\.example/);
    const sameSite = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/mcp`, { method: 'GET', origin: null, headers: { 'sec-fetch-site': 'same-site' } }), env(), fetch, () => {});
    expect(sameSite.status).toBe(403);
    expect(seen).toEqual([]);
  });

  it('a POST with neither Origin nor Sec-Fetch-Site unless MCP_PROXY_ALLOW_NO_ORIGIN=1', async () => {
    const refused = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/mcp`, { body: '{}', origin: null }), env(), fetch, () => {});
    expect(refused.status).toBe(403);
    expect(await errorMessage(refused)).toContain('MCP_PROXY_ALLOW_NO_ORIGIN=1');
    expect(seen).toEqual([]);
    const allowed = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/mcp`, { body: '{}', origin: null }), env(upstreamHost, { MCP_PROXY_ALLOW_NO_ORIGIN: '1' }), fetch, () => {});
    expect(allowed.status).toBe(200);
  });

  it('everything while MCP_PROXY_ALLOWED_HOSTS is empty, saying how to allow the host', async () => {
    const res = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/mcp`, { body: '{}' }), mcpProxyEnvFrom({}), fetch, () => {});
    expect(res.status).toBe(403);
    expect(res.headers.get('x-agent-playground-proxy')).toBe('refused');
    expect(await errorMessage(res)).toContain(`MCP_PROXY_ALLOWED_HOSTS=${upstreamHost}`);
    expect(seen).toEqual([]);
  });

  it('hosts and ports not in MCP_PROXY_ALLOWED_HOSTS', async () => {
    const port = Number(upstreamHost.split(':')[1]);
    for (const target of [`http://127.0.0.1:${port + 1}/mcp`, `http://localhost:${port}/mcp`, 'https://mcp.example.com/mcp']) {
      const res = await handleMcpProxyRequest(proxyRequest(target, { body: '{}' }), env(), fetch, () => {});
      expect(res.status, target).toBe(403);
      const message = await errorMessage(res);
      expect(message).toContain(`add ${new URL(target).host} to MCP_PROXY_ALLOWED_HOSTS`);
    }
    expect(seen).toEqual([]);
  });

  it('a missing or bad target, other schemes and credentials in the address', async () => {
    const cases: [string | null, number, string][] = [
      [null, 400, 'need the x-mcp-target header'],
      ['/mcp', 400, 'not an absolute URL'],
      [`ftp://${upstreamHost}/mcp`, 403, 'ftp: is refused'],
      [`http://user:pw@${upstreamHost}/mcp`, 403, 'user name or password'],
    ];
    for (const [target, status, words] of cases) {
      const res = await handleMcpProxyRequest(proxyRequest(target, { body: '{}' }), env(), fetch, () => {});
      expect(res.status, String(target)).toBe(status);
      expect(await errorMessage(res)).toContain(words);
    }
    expect(seen).toEqual([]);
  });

  it('to follow a redirect, naming where it leads without its query', async () => {
    const res = await handleMcpProxyRequest(proxyRequest(`http://${upstreamHost}/moved`, { body: '{}' }), env(), fetch, () => {});
    expect(res.status).toBe(502);
    const message = await errorMessage(res);
    expect(message).toContain(`redirect (307 to http://${upstreamHost}/mcp)`);
    expect(message).not.toContain('secret-code');
    expect(seen.map((s) => s.url)).toEqual(['/moved']);
  });
});

describe('an MCP server the proxy cannot reach', () => {
  it('gets a 502 of the proxy’s own that names the host', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const { lines, log } = logger();
    const res = await handleMcpProxyRequest(proxyRequest(`http://${host}/mcp`, { body: '{}' }), env(host), fetch, log);
    expect(res.status).toBe(502);
    expect(res.headers.get('x-agent-playground-proxy')).toBe('unreachable');
    expect(await errorMessage(res)).toBe(`The app's server could not reach ${host}: connection refused.`);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^mcp-proxy POST ${host} -> 502 \\d+ms$`))]);
  });
});
