// The SDK client against a real MCP server on loopback: listing, calling, results, and why a connection fails.
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcpTestServer } from '../test-support/mcp-test-server';
import { connectMcpServers, listMcpServer, McpConnectError } from './connect';
import type { McpServerSettings } from '../playground/schema';

const TOKEN = 'mcp-test-token-123';
let server: Awaited<ReturnType<typeof startMcpTestServer>>;
let downUrl: string;

beforeAll(async () => {
  server = await startMcpTestServer({ token: TOKEN });
  // A port that was just free: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  downUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 1}/mcp`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => server.close());

const settings = (over: Partial<McpServerSettings> = {}): McpServerSettings => ({
  name: 'weather',
  url: server.url,
  transport: 'streamable-http',
  via: 'browser',
  ...over,
});

describe('listing a server', () => {
  it('lists every tool with its schemas, naming dashed ones as identifiers', async () => {
    const listing = await listMcpServer(settings());
    expect(listing.ok).toBe(true);
    if (!listing.ok) return;
    const names = listing.tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['get_forecast', 'sum_numbers', 'create_event', 'lookup_city', 'always_fails', 'slow', 'chart', 'to_upper']));
    const upper = listing.tools.find((t) => t.name === 'to_upper')!;
    expect(upper.mcpName).toBe('to-upper');
    const forecast = listing.tools.find((t) => t.name === 'get_forecast')!;
    expect(forecast.server).toBe('weather');
    expect(forecast.inputSchema.required).toEqual(['city']);
    expect(forecast.inputSchema.properties?.city?.type).toBe('string');
    expect(listing.tools.find((t) => t.name === 'lookup_city')!.outputSchema?.properties).toHaveProperty('population');
  });

  it('lists every tool whatever the allow-list says (Settings picks among them); a run gets the allowed ones only', async () => {
    const listing = await listMcpServer(settings({ tools: ['get_forecast'] }));
    expect(listing.ok && listing.tools.map((t) => t.name)).toContain('sum_numbers');
    expect(listing.ok && listing.offered).toContain('to-upper');
    const mcp = await connectMcpServers([settings({ tools: ['get_forecast', 'to-upper'] })]);
    try {
      expect(mcp.tools.map((t) => t.name)).toEqual(['get_forecast', 'to_upper']);
    } finally {
      await mcp.close();
    }
  });

  it('speaks the older HTTP+SSE transport too', async () => {
    const listing = await listMcpServer(settings({ url: server.sseUrl, transport: 'sse' }));
    expect(listing.ok && listing.tools.map((t) => t.name)).toContain('get_forecast');
  });

  it('says a server that is down is unreachable, naming it', async () => {
    const listing = await listMcpServer(settings({ url: downUrl }));
    expect(listing).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(!listing.ok && listing.error).toMatch(/Could not reach the MCP server 'weather' at http:\/\/127\.0\.0\.1:\d+\/mcp \(connection refused/);
  });

  it('tells a missing token from a wrong one, and works with the right one', async () => {
    const none = await listMcpServer(settings({ url: server.secureUrl }));
    expect(none).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(!none.ok && none.error).toMatch(/needs a token \(401\).*MCP_TOKEN_WEATHER/);
    const wrong = await listMcpServer(settings({ url: server.secureUrl }), { tokens: { [server.origin]: 'not-it' } });
    expect(!wrong.ok && wrong.error).toMatch(/refused the token/);
    const right = await listMcpServer(settings({ url: server.secureUrl }), { tokens: { [server.origin]: TOKEN } });
    expect(right.ok).toBe(true);
  });

  it('sends a token only to its own origin', async () => {
    const elsewhere = await listMcpServer(settings({ url: server.secureUrl }), { tokens: { 'http://127.0.0.1:1': TOKEN } });
    expect(elsewhere).toMatchObject({ ok: false, kind: 'unauthorized' });
  });

  it('says an address that is not an MCP endpoint is not one', async () => {
    const missing = await listMcpServer(settings({ url: `${server.origin}/not-mcp` }));
    expect(missing).toMatchObject({ ok: false, kind: 'not-mcp' });
    expect(!missing.ok && missing.error).toMatch(/not an MCP endpoint \(HTTP 404\)/);
    const page = await listMcpServer(settings({ url: `${server.origin}/html` }));
    expect(page).toMatchObject({ ok: false, kind: 'not-mcp' });
  });
});

describe('a connection for a run', () => {
  it('calls tools and turns their results into values', async () => {
    const mcp = await connectMcpServers([settings()]);
    try {
      const tool = (name: string) => mcp.tools.find((t) => t.name === name)!;
      expect(await mcp.call(tool('get_forecast'), { city: 'Paris' })).toMatch(/^Paris: /);
      expect(await mcp.call(tool('sum_numbers'), { numbers: [1, 2, 3] })).toBe('6');
      expect(await mcp.call(tool('lookup_city'), { name: 'Paris' })).toMatchObject({ name: 'Paris', population: expect.any(Number) });
      await expect(mcp.call(tool('always_fails'), {})).rejects.toThrow('the weather service is down');
      expect(await mcp.call(tool('chart'), {})).toMatch(/\[image\/png, \d+ (B|bytes|KB)\]/);
      expect(server.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['get_forecast', 'sum_numbers', 'lookup_city']));
    } finally {
      await mcp.close();
    }
  });

  it('stops a slow call when the run is stopped, and gives up at the time limit', async () => {
    const mcp = await connectMcpServers([settings()]);
    try {
      const slow = mcp.tools.find((t) => t.name === 'slow')!;
      const stop = new AbortController();
      const pending = mcp.call(slow, { ms: 30_000 }, { signal: stop.signal });
      setTimeout(() => stop.abort(new DOMException('Stopped by the user.', 'AbortError')), 50);
      await expect(pending).rejects.toThrow(/Stopped by the user/);
      await expect(mcp.call(slow, { ms: 30_000 }, { timeoutMs: 200 })).rejects.toThrow(/timed out/i);
    } finally {
      await mcp.close();
    }
  });

  it('refuses an allow-list that names a tool the server does not have', async () => {
    const failure = await connectMcpServers([settings({ tools: ['get_forecast', 'nope'] })]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(McpConnectError);
    expect((failure as Error).message).toBe(`the MCP server 'weather' has no tool 'nope'; it offers: ${(failure as Error).message.split('it offers: ')[1]}`);
    expect((failure as Error).message).toMatch(/it offers: .*get_forecast/);
  });

  it('fails as a whole when one of several servers is down, naming that one', async () => {
    const failure = await connectMcpServers([settings(), settings({ name: 'calendar', url: downUrl })]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'McpConnectError', server: 'calendar', kind: 'unreachable' });
  });
});
