// A real MCP server on loopback for tests, built with the official SDK's server side: Streamable HTTP (with
// sessions) at /mcp, the older HTTP+SSE transport at /sse, a Bearer-token endpoint at /secure/mcp, CORS for browsers.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

export interface McpTestServer {
  /** Streamable HTTP, e.g. http://127.0.0.1:PORT/mcp */
  readonly url: string;
  /** The older HTTP+SSE transport, e.g. http://127.0.0.1:PORT/sse */
  readonly sseUrl: string;
  /** Streamable HTTP that needs `Authorization: Bearer <token>`, 401 otherwise. */
  readonly secureUrl: string;
  /** The token secureUrl wants. */
  readonly token: string;
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  readonly port: number;
  /** Every tools/call received (on any endpoint, valid or not), oldest first. */
  readonly calls: { name: string; args: unknown }[];
  /** Names of the tool calls that stopped early because the client cancelled them (only `slow` can), oldest first. */
  readonly cancelled: string[];
  close(): Promise<void>;
}

export const MCP_TEST_TOKEN = 'test-token';

/** A 1×1 PNG (70 bytes), for the image part of `chart`. */
export const CHART_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const CITIES: Record<string, { name: string; country: string; population: number }> = {
  paris: { name: 'Paris', country: 'France', population: 2_102_650 },
  tokyo: { name: 'Tokyo', country: 'Japan', population: 14_187_176 },
  oslo: { name: 'Oslo', country: 'Norway', population: 717_710 },
};

const SKIES = ['sunny', 'cloudy', 'rainy', 'windy'];

/** The same forecast for the same city, every time: derived from its name. */
export function forecastFor(city: string, day = 0, unit: 'celsius' | 'fahrenheit' = 'celsius'): string {
  const code = Array.from(city.toLowerCase()).reduce((sum, c) => sum + c.codePointAt(0)!, 0) + day * 7;
  const celsius = 5 + (code % 21);
  const temperature = unit === 'celsius' ? `${celsius}°C` : `${Math.round((celsius * 9) / 5 + 32)}°F`;
  return `${temperature}, ${SKIES[code % SKIES.length]}`;
}

function text(value: string): CallToolResult {
  return { content: [{ type: 'text', text: value }] };
}

/** One MCP server with the test tools; the SDK wants one per connected transport (session). */
function buildServer(cancelled: string[]): McpServer {
  const server = new McpServer({ name: 'mcp-test-server', version: '1.0.0' });

  server.registerTool(
    'get_forecast',
    {
      description: 'Gets the weather forecast for a city.',
      inputSchema: {
        city: z.string().describe('The city, e.g. "Paris".'),
        days: z.number().int().min(1).max(7).optional().describe('How many days, 1 to 7 (default 1).'),
        unit: z.enum(['celsius', 'fahrenheit']).optional().describe('The temperature unit (default celsius).'),
      },
    },
    ({ city, days, unit }) => {
      const lines = Array.from({ length: days ?? 1 }, (_, day) => forecastFor(city, day, unit));
      return text(lines.length === 1 ? `${city}: ${lines[0]}` : lines.map((l, i) => `${city}, day ${i + 1}: ${l}`).join('\n'));
    },
  );

  server.registerTool(
    'sum_numbers',
    { description: 'Adds numbers.', inputSchema: { numbers: z.array(z.number()).describe('The numbers to add.') } },
    ({ numbers }) => text(String(numbers.reduce((a, b) => a + b, 0))),
  );

  server.registerTool(
    'create_event',
    {
      description: 'Creates a calendar event.',
      inputSchema: {
        event: z
          .object({
            title: z.string().describe('What the event is.'),
            when: z.object({ date: z.string().describe('The day, YYYY-MM-DD.'), time: z.string().optional().describe('The time, HH:MM.') }),
            attendees: z.array(z.string()).describe('Who comes.'),
          })
          .describe('The event to create.'),
      },
    },
    ({ event }) =>
      text(`Created "${event.title}" on ${event.when.date}${event.when.time ? ` at ${event.when.time}` : ''} with ${event.attendees.length ? event.attendees.join(', ') : 'nobody'}.`),
  );

  server.registerTool(
    'lookup_city',
    {
      description: 'Looks up a city: its country and population.',
      inputSchema: { name: z.string().describe('The city name.') },
      outputSchema: { name: z.string(), country: z.string(), population: z.number().describe('People living there.') },
    },
    ({ name }) => {
      const city = CITIES[name.toLowerCase()];
      if (!city) return { isError: true, content: [{ type: 'text', text: `no city named ${name}` }] };
      return { structuredContent: city, content: [{ type: 'text', text: JSON.stringify(city) }] };
    },
  );

  server.registerTool('always_fails', { description: 'Always fails.' }, () => ({
    isError: true,
    content: [{ type: 'text', text: 'the weather service is down' }],
  }));

  server.registerTool(
    'slow',
    { description: 'Waits, then answers.', inputSchema: { ms: z.number().min(0).max(600_000).describe('How long to wait, in milliseconds.') } },
    async ({ ms }, extra) => {
      await new Promise<void>((resolve, reject) => {
        const stop = () => {
          clearTimeout(timer);
          cancelled.push('slow');
          reject(new Error('cancelled'));
        };
        const timer = setTimeout(() => {
          extra.signal.removeEventListener('abort', stop);
          resolve();
        }, ms);
        if (extra.signal.aborted) stop();
        else extra.signal.addEventListener('abort', stop, { once: true });
      });
      return text(`done after ${ms} ms`);
    },
  );

  server.registerTool('chart', { description: 'Draws a chart.' }, () => ({
    content: [
      { type: 'text', text: 'A chart of the week:' },
      { type: 'image', mimeType: 'image/png', data: CHART_PNG_BASE64 },
    ],
  }));

  server.registerTool(
    'to-upper',
    { description: 'Upper-cases a text.', inputSchema: { text: z.string().describe('The text.') } },
    ({ text: value }) => text(value.toUpperCase()),
  );

  return server;
}

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID',
  'Access-Control-Expose-Headers': 'Mcp-Session-Id, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

export async function startMcpTestServer(options: { port?: number; token?: string } = {}): Promise<McpTestServer> {
  const token = options.token ?? MCP_TEST_TOKEN;
  const calls: { name: string; args: unknown }[] = [];
  const cancelled: string[] = [];
  const sockets = new Set<Socket>();
  const servers = new Set<McpServer>();
  /** Streamable HTTP sessions, one map per endpoint so a session opened on /secure/mcp is not usable on /mcp. */
  const sessions = { '/mcp': new Map<string, StreamableHTTPServerTransport>(), '/secure/mcp': new Map<string, StreamableHTTPServerTransport>() };
  const sseSessions = new Map<string, SSEServerTransport>();

  const record = (body: unknown) => {
    for (const message of Array.isArray(body) ? body : [body]) {
      if (isRecord(message) && message.method === 'tools/call') {
        const params = isRecord(message.params) ? message.params : {};
        calls.push({ name: String(params.name), args: params.arguments });
      }
    }
  };

  const connect = async (transport: StreamableHTTPServerTransport | SSEServerTransport) => {
    const server = buildServer(cancelled);
    servers.add(server);
    server.server.onclose = () => servers.delete(server);
    await server.connect(transport);
  };

  const streamable = async (req: IncomingMessage, res: ServerResponse, path: keyof typeof sessions) => {
    const body = req.method === 'POST' ? await readJson(req, res) : undefined;
    if (body === INVALID) return;
    record(body);
    const map = sessions[path];
    const sessionId = req.headers['mcp-session-id'];
    let transport = typeof sessionId === 'string' ? map.get(sessionId) : undefined;
    if (!transport) {
      if (typeof sessionId === 'string') return jsonRpcError(res, 404, -32001, 'Session not found');
      if (req.method !== 'POST' || !isInitializeRequest(body)) return jsonRpcError(res, 400, -32000, 'Bad Request: no valid session id and not an initialize request');
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => void map.set(id, created),
        onsessionclosed: (id) => void map.delete(id),
      });
      created.onclose = () => {
        if (created.sessionId) map.delete(created.sessionId);
      };
      await connect(created);
      transport = created;
    }
    await transport.handleRequest(req, res, body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    switch (url.pathname) {
      case '/mcp':
        return streamable(req, res, '/mcp');
      case '/secure/mcp':
        if (req.headers.authorization !== `Bearer ${token}`) {
          res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="mcp-test-server"' });
          return void res.end(JSON.stringify({ error: 'invalid_token', error_description: 'a valid Bearer token is required' }));
        }
        return streamable(req, res, '/secure/mcp');
      case '/sse': {
        if (req.method !== 'GET') return plain(res, 405, 'GET /sse opens the event stream; POST messages to /messages.');
        const transport = new SSEServerTransport('/messages', res);
        sseSessions.set(transport.sessionId, transport);
        transport.onclose = () => sseSessions.delete(transport.sessionId);
        return connect(transport);
      }
      case '/messages': {
        if (req.method !== 'POST') return plain(res, 405, 'POST messages here.');
        const transport = sseSessions.get(url.searchParams.get('sessionId') ?? '');
        if (!transport) return plain(res, 404, 'No SSE session with that id.');
        const body = await readJson(req, res);
        if (body === INVALID) return;
        record(body);
        return transport.handlePostMessage(req, res, body);
      }
      case '/html':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return void res.end('<!doctype html><title>Not MCP</title><h1>A web page, not an MCP endpoint</h1>');
      default:
        return plain(res, 404, `Not found: ${url.pathname} is not an MCP endpoint.`);
    }
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) plain(res, 500, `mcp-test-server crashed: ${String(error)}`);
      else res.destroy();
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/mcp`,
    sseUrl: `${origin}/sse`,
    secureUrl: `${origin}/secure/mcp`,
    token,
    origin,
    port,
    calls,
    cancelled,
    async close() {
      await Promise.allSettled([...servers].map((s) => s.close()));
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

const INVALID = Symbol('invalid body');

/** The request's JSON body; on bad JSON it answers with a JSON-RPC parse error and gives INVALID. */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    jsonRpcError(res, 400, -32700, 'Parse error: the body is not JSON');
    return INVALID;
  }
}

function jsonRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

function plain(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
