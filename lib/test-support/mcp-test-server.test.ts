import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_PNG_BASE64, forecastFor, startMcpTestServer, type McpTestServer } from './mcp-test-server';

const TOOLS = ['get_forecast', 'sum_numbers', 'create_event', 'lookup_city', 'always_fails', 'slow', 'chart', 'to-upper'];

function newClient(): Client {
  return new Client({ name: 'mcp-test-server-test', version: '1.0.0' });
}

function texts(result: unknown): string[] {
  return (result as CallToolResult).content.flatMap((part) => (part.type === 'text' ? [part.text] : []));
}

describe('the MCP test server over Streamable HTTP', () => {
  let server: McpTestServer;
  let client: Client;

  beforeAll(async () => {
    server = await startMcpTestServer();
    client = newClient();
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('listens on loopback and lists every tool with its schemas', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS);
    const forecast = tools.find((t) => t.name === 'get_forecast')!;
    expect(forecast.description).toBe('Gets the weather forecast for a city.');
    expect(forecast.inputSchema.required).toEqual(['city']);
    expect(forecast.inputSchema.properties).toMatchObject({
      city: { type: 'string', description: 'The city, e.g. "Paris".' },
      days: { type: 'integer' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    });
    const event = tools.find((t) => t.name === 'create_event')!;
    expect(event.inputSchema.properties).toMatchObject({
      event: {
        type: 'object',
        required: ['title', 'when', 'attendees'],
        properties: { when: { type: 'object', required: ['date'] }, attendees: { type: 'array', items: { type: 'string' } } },
      },
    });
    const lookup = tools.find((t) => t.name === 'lookup_city')!;
    expect(lookup.outputSchema).toMatchObject({ type: 'object', required: ['name', 'country', 'population'] });
    expect(tools.find((t) => t.name === 'sum_numbers')!.inputSchema.properties).toMatchObject({ numbers: { type: 'array', items: { type: 'number' } } });
  });

  it('answers with deterministic text for string, number, enum, array and nested-object arguments', async () => {
    const paris = await client.callTool({ name: 'get_forecast', arguments: { city: 'Paris' } });
    expect(texts(paris)).toEqual([`Paris: ${forecastFor('Paris')}`]);
    expect(texts(await client.callTool({ name: 'get_forecast', arguments: { city: 'Paris' } }))).toEqual(texts(paris));
    const twoDays = texts(await client.callTool({ name: 'get_forecast', arguments: { city: 'Oslo', days: 2, unit: 'fahrenheit' } }));
    expect(twoDays[0]).toMatch(/^Oslo, day 1: -?\d+°F, \w+\nOslo, day 2: -?\d+°F, \w+$/);
    expect(texts(await client.callTool({ name: 'sum_numbers', arguments: { numbers: [1, 2, 39] } }))).toEqual(['42']);
    const created = await client.callTool({
      name: 'create_event',
      arguments: { event: { title: 'Standup', when: { date: '2026-12-04', time: '09:30' }, attendees: ['Ada', 'Linus'] } },
    });
    expect(texts(created)).toEqual(['Created "Standup" on 2026-12-04 at 09:30 with Ada, Linus.']);
    expect(texts(await client.callTool({ name: 'to-upper', arguments: { text: 'mcp' } }))).toEqual(['MCP']);
  });

  it('gives structured content with its JSON as text, an error result, and an image part', async () => {
    const city = await client.callTool({ name: 'lookup_city', arguments: { name: 'Tokyo' } });
    expect(city.structuredContent).toEqual({ name: 'Tokyo', country: 'Japan', population: 14_187_176 });
    expect(JSON.parse(texts(city)[0]!)).toEqual(city.structuredContent);
    const failed = await client.callTool({ name: 'always_fails', arguments: {} });
    expect(failed.isError).toBe(true);
    expect(texts(failed)).toEqual(['the weather service is down']);
    const chart = (await client.callTool({ name: 'chart', arguments: {} })) as CallToolResult;
    expect(chart.content).toEqual([
      { type: 'text', text: 'A chart of the week:' },
      { type: 'image', mimeType: 'image/png', data: CHART_PNG_BASE64 },
    ]);
  });

  it('answers a slow call after waiting, and stops it when the client cancels', async () => {
    expect(texts(await client.callTool({ name: 'slow', arguments: { ms: 20 } }))).toEqual(['done after 20 ms']);
    const controller = new AbortController();
    const pending = client.callTool({ name: 'slow', arguments: { ms: 600_000 } }, undefined, { signal: controller.signal });
    await expect.poll(() => server.calls.filter((c) => c.name === 'slow').length).toBe(2);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => server.cancelled).toEqual(['slow']);
    expect(texts(await client.callTool({ name: 'to-upper', arguments: { text: 'still here' } }))).toEqual(['STILL HERE']);
  });

  it('records every tools/call it receives, even ones with bad arguments', async () => {
    const before = server.calls.length;
    const bad = await client.callTool({ name: 'sum_numbers', arguments: { numbers: 'one, two' } });
    expect(bad.isError).toBe(true);
    expect(server.calls.slice(before)).toEqual([{ name: 'sum_numbers', args: { numbers: 'one, two' } }]);
  });

  it('sends CORS headers on preflights and on MCP responses', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, mcp-session-id' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const header of ['content-type', 'authorization', 'mcp-session-id', 'mcp-protocol-version', 'last-event-id']) expect(allowed).toContain(header);
    const initialize = await fetch(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Origin: 'http://localhost:3000' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'fetch', version: '1' } } }),
    });
    expect(initialize.status).toBe(200);
    expect(initialize.headers.get('access-control-allow-origin')).toBe('*');
    expect(initialize.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('mcp-session-id');
    expect(initialize.headers.get('mcp-session-id')).toBeTruthy();
    await initialize.body?.cancel();
  });

  it('serves a 404 text page and an HTML page that are not MCP endpoints', async () => {
    const missing = await fetch(`${server.origin}/not-mcp`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    expect(await missing.text()).toContain('not an MCP endpoint');
    const html = await fetch(`${server.origin}/html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('refuses a request without a session that is not an initialize request', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(400);
    const unknownSession = await fetch(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'Mcp-Session-Id': 'no-such-session' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(unknownSession.status).toBe(404);
  });
});

describe('the MCP test server with a token', () => {
  let server: McpTestServer;
  beforeAll(async () => {
    server = await startMcpTestServer({ token: 'hunter2' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers 401 without the Bearer token, and to a wrong one', async () => {
    const response = await fetch(server.secureUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const client = newClient();
    await expect(client.connect(new StreamableHTTPClientTransport(new URL(server.secureUrl)))).rejects.toMatchObject({ code: 401 });
    const wrong = newClient();
    await expect(
      wrong.connect(new StreamableHTTPClientTransport(new URL(server.secureUrl), { requestInit: { headers: { Authorization: 'Bearer wrong' } } })),
    ).rejects.toMatchObject({ code: 401, message: expect.stringContaining('a valid Bearer token is required') });
  });

  it('works with the token', async () => {
    expect(server.token).toBe('hunter2');
    const client = newClient();
    await client.connect(new StreamableHTTPClientTransport(new URL(server.secureUrl), { requestInit: { headers: { Authorization: 'Bearer hunter2' } } }));
    expect(texts(await client.callTool({ name: 'to-upper', arguments: { text: 'secret' } }))).toEqual(['SECRET']);
    await client.close();
  });

  it('does not let a token-less client use the open endpoint’s sessions on the secure one', async () => {
    const open = newClient();
    const transport = new StreamableHTTPClientTransport(new URL(server.url));
    await open.connect(transport);
    const response = await fetch(server.secureUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'Mcp-Session-Id': transport.sessionId!, Authorization: 'Bearer hunter2' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(response.status).toBe(404);
    await open.close();
  });
});

describe('the MCP test server over the older HTTP+SSE transport', () => {
  let server: McpTestServer;
  beforeAll(async () => {
    server = await startMcpTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the tools and calls one', async () => {
    const client = newClient();
    await client.connect(new SSEClientTransport(new URL(server.sseUrl)));
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(TOOLS);
    expect(texts(await client.callTool({ name: 'sum_numbers', arguments: { numbers: [2, 3] } }))).toEqual(['5']);
    const city = await client.callTool({ name: 'lookup_city', arguments: { name: 'paris' } });
    expect(city.structuredContent).toEqual({ name: 'Paris', country: 'France', population: 2_102_650 });
    expect(server.calls.map((c) => c.name)).toEqual(['sum_numbers', 'lookup_city']);
    await client.close();
  });

  it('stops listening when closed, even with an event stream open', async () => {
    const client = newClient();
    await client.connect(new SSEClientTransport(new URL(server.sseUrl)));
    await server.close();
    await expect(fetch(`${server.origin}/html`)).rejects.toThrow();
    await client.close();
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('scripts/mcp-test-server.ts', () => {
  it('runs the server on the given port and prints its address until stopped', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/mcp-test-server.ts', '--port', String(port), '--token', 'abc'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`the script exited with ${code}: ${err}`)));
      });
      expect(firstLine).toBe(`MCP test server on http://127.0.0.1:${port}/mcp`);
      const client = newClient();
      await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/secure/mcp`), { requestInit: { headers: { Authorization: 'Bearer abc' } } }));
      expect(texts(await client.callTool({ name: 'to-upper', arguments: { text: 'ok' } }))).toEqual(['OK']);
      await client.close();
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
