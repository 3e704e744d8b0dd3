// The SDK's own transports through the MCP proxy, end to end: Client → mcpProxyFetch → (as a browser would send it)
// handleMcpProxyRequest → the real MCP test server on loopback. And connect.ts choosing the proxy for `via: 'proxy'`.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMcpTestServer, forecastFor, type McpTestServer } from '../../test-support/mcp-test-server';
import { mcpServerSchema } from '../../playground/schema';
import { listMcpServer } from '../connect';
import { mcpProxyEnvFrom, type McpProxyEnv } from './mcp-proxy-env';
import { handleMcpProxyRequest } from './mcp-proxy-handler';
import { MCP_TARGET_HEADER } from './mcp-proxy-policy';
import { mcpProxyFetch } from './proxy-fetch';
import { reachableThroughProxy } from './reachable-through-proxy';

const APP = 'http://127.0.0.1:3000';

let mcp: McpTestServer;
let lines: string[];
let outside: string[];

beforeAll(async () => {
  mcp = await startMcpTestServer();
});

afterAll(async () => {
  await mcp.close();
});

beforeEach(() => {
  lines = [];
  outside = [];
});

function allowed(hosts = `127.0.0.1:${mcp.port}`): McpProxyEnv {
  return mcpProxyEnvFrom({ MCP_PROXY_ALLOWED_HOSTS: hosts });
}

/**
 * The page's fetch and this app's server in one: a request to the app's /api/mcp-proxy gets the headers a browser
 * adds (Origin on all but GET, Sec-Fetch-Site) and goes to the handler; anything else is recorded as a call that
 * left the proxy out.
 */
function browserToApp(env: McpProxyEnv): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== `${APP}/api/mcp-proxy`) {
      outside.push(url);
      throw new TypeError('fetch failed: only the app is reachable in this test');
    }
    const headers = new Headers(init?.headers);
    headers.set('sec-fetch-site', 'same-origin');
    if ((init?.method ?? 'GET') !== 'GET') headers.set('origin', APP);
    return handleMcpProxyRequest(new Request(url, { ...init, headers }), env, fetch, (line) => lines.push(line));
  };
}

describe('the SDK Client through the MCP proxy', () => {
  it('Streamable HTTP: lists the tools and calls one, with its session, every request through the proxy', async () => {
    const client = new Client({ name: 'test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(mcp.url), { fetch: mcpProxyFetch(APP, browserToApp(allowed())) });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('get_forecast');
    const result = await client.callTool({ name: 'get_forecast', arguments: { city: 'Paris' } });
    expect(result.content).toEqual([{ type: 'text', text: `Paris: ${forecastFor('Paris')}` }]);
    expect(mcp.calls.at(-1)).toEqual({ name: 'get_forecast', args: { city: 'Paris' } });
    // The session the server opened came back through the proxy, and went out again on every later request.
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await transport.terminateSession();
    await client.close();
    expect(outside).toEqual([]);
    const host = `127.0.0.1:${mcp.port}`;
    expect(lines.filter((l) => l.startsWith(`mcp-proxy POST ${host} -> 200 `)).length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.startsWith(`mcp-proxy DELETE ${host} -> 200 `))).toBe(true);
  });

  it('HTTP+SSE: the event stream and the POSTs to the endpoint the server names both go through the proxy', async () => {
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(new SSEClientTransport(new URL(mcp.sseUrl), { fetch: mcpProxyFetch(APP, browserToApp(allowed())) }));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('sum_numbers');
    const result = await client.callTool({ name: 'sum_numbers', arguments: { numbers: [1, 2, 3] } });
    expect(result.content).toEqual([{ type: 'text', text: '6' }]);
    await client.close();
    expect(outside).toEqual([]);
    const host = `127.0.0.1:${mcp.port}`;
    expect(lines.some((l) => l.startsWith(`mcp-proxy GET ${host} -> 200 `))).toBe(true);
    expect(lines.filter((l) => l.startsWith(`mcp-proxy POST ${host} -> 202 `)).length).toBeGreaterThanOrEqual(3);
  });
});

describe("connect.ts with `via: 'proxy'`", () => {
  const server = (url: string, more: Record<string, unknown> = {}) => mcpServerSchema.parse({ name: 'weather', url, via: 'proxy', ...more });

  it('sends the person’s token through the proxy to the server that needs it', async () => {
    const listing = await listMcpServer(server(mcp.secureUrl), { tokens: { [mcp.origin]: mcp.token }, pageOrigin: APP, proxyFetch: mcpProxyFetch(APP, browserToApp(allowed())) });
    expect(listing.ok && listing.tools.map((t) => t.name)).toContain('lookup_city');
    expect(outside).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('a wrong token is the token’s fault, said as through the app’s server', async () => {
    const listing = await listMcpServer(server(mcp.secureUrl), { tokens: { [mcp.origin]: 'wrong' }, pageOrigin: APP, proxyFetch: mcpProxyFetch(APP, browserToApp(allowed())) });
    expect(listing).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(!listing.ok && listing.error).toMatch(/through this app's server\) refused the token \(401\)/);
  });

  for (const transport of ['streamable-http', 'sse'] as const) {
    it(`a host the operator did not allow: the error says MCP_PROXY_ALLOWED_HOSTS (${transport})`, async () => {
      const url = transport === 'sse' ? mcp.sseUrl : mcp.url;
      const listing = await listMcpServer(server(url, { transport }), { pageOrigin: APP, proxyFetch: mcpProxyFetch(APP, browserToApp(allowed('mcp.example.com'))) });
      expect(listing).toMatchObject({ ok: false, kind: 'other' });
      expect(!listing.ok && listing.error).toContain(`add 127.0.0.1:${mcp.port} to MCP_PROXY_ALLOWED_HOSTS`);
      // Refused by the proxy itself: nothing reached the MCP server, nothing left the proxy out.
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => / -> 403 \d+ms$/.test(l))).toBe(true);
      expect(outside).toEqual([]);
    });
  }

  it('with no MCP_PROXY_ALLOWED_HOSTS at all, the error says how to set it', async () => {
    const listing = await listMcpServer(server(mcp.url), { pageOrigin: APP, proxyFetch: mcpProxyFetch(APP, browserToApp(mcpProxyEnvFrom({}))) });
    expect(!listing.ok && listing.error).toContain(`MCP_PROXY_ALLOWED_HOSTS=127.0.0.1:${mcp.port}`);
  });

  it('a server that is down: the error names its host and says the app’s server could not reach it', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const listing = await listMcpServer(server(`http://${host}/mcp`), { pageOrigin: APP, proxyFetch: mcpProxyFetch(APP, browserToApp(allowed(host))) });
    expect(listing).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(!listing.ok && listing.error).toContain(`The app's server could not reach ${host}: connection refused.`);
  });

  it("a server with `via: 'browser'` is reached directly even when the proxy is offered", async () => {
    const listing = await listMcpServer(server(mcp.url, { via: 'browser' }), { proxyFetch: mcpProxyFetch(APP, browserToApp(allowed())) });
    expect(listing.ok).toBe(true);
    expect(lines).toEqual([]);
  });
});

describe('mcpProxyFetch', () => {
  it('sends a Request to the app’s proxy with the same method, headers and body, and the target in a header', async () => {
    let sent: Request | undefined;
    const proxied = mcpProxyFetch(`${APP}/`, async (input, init) => {
      sent = new Request(input, init);
      return new Response('ok');
    });
    await proxied(new Request('https://mcp.example.com/mcp?x=1', { method: 'POST', headers: { 'mcp-session-id': 's1', 'content-type': 'application/json' }, body: '{"a":1}' }));
    expect(sent!.url).toBe(`${APP}/api/mcp-proxy`);
    expect(sent!.method).toBe('POST');
    expect(sent!.headers.get(MCP_TARGET_HEADER)).toBe('https://mcp.example.com/mcp?x=1');
    expect(sent!.headers.get('mcp-session-id')).toBe('s1');
    expect(await sent!.text()).toBe('{"a":1}');
  });
});

describe('telling CORS from a server that is down, through the proxy', () => {
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('says whether the server answers, and nothing for a host the proxy may not reach', async () => {
    const down = await closedPort();
    const proxy = mcpProxyFetch(APP, browserToApp(allowed(`127.0.0.1:${mcp.port},127.0.0.1:${down}`)));
    expect(await reachableThroughProxy(mcp.url, proxy)).toBe(true);
    expect(await reachableThroughProxy(mcp.sseUrl, proxy)).toBe(true);
    expect(await reachableThroughProxy(`http://127.0.0.1:${down}/mcp`, proxy)).toBe(false);
    expect(await reachableThroughProxy('http://127.0.0.1:1/mcp', proxy)).toBeUndefined();
  });

  it('a page whose direct calls fail is told CORS when the server answers the proxy, unreachable when it does not', async () => {
    const down = await closedPort();
    const proxy = mcpProxyFetch(APP, browserToApp(allowed(`127.0.0.1:${mcp.port},127.0.0.1:${down}`)));
    // Direct calls fail as a browser's do when CORS refuses them.
    const blocked: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const options = { fetch: blocked, pageOrigin: APP, reachable: (url: string) => reachableThroughProxy(url, proxy) };
    const server = (url: string) => mcpServerSchema.parse({ name: 'weather', url });
    expect(await listMcpServer(server(mcp.url), options)).toMatchObject({ ok: false, kind: 'cors', error: expect.stringMatching(/answers, but does not allow calls from this page/) });
    expect(await listMcpServer(server(`http://127.0.0.1:${down}/mcp`), options)).toMatchObject({
      ok: false,
      kind: 'unreachable',
      error: expect.stringMatching(/^Could not reach the MCP server 'weather' .*: the server is not running/),
    });
  });
});
