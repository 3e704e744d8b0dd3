// Connects to a playground's MCP servers with the official SDK, lists their tools (every page) and calls them.
// Runs in the browser's runner worker and in Node (the CLI, tests) alike.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { originOf } from '../models/key-origin';
import { PROXY_MARK_HEADER } from '../models/proxy-unreachable';
import type { McpServerSettings } from '../playground/schema';
import type { JsonSchema } from '../tools/types';
import { resultValue } from './call-result';
import { classifyMcpFailure, type FetchObservation } from './classify-failure';
import { appJsonSchemaValidator } from './json-schema-validator';
import { toIdentifier } from './tool-name';
import type { McpCallOptions, McpConnection, McpFailureKind, McpServerListing, McpToolInfo } from './types';

const CLIENT_INFO = { name: 'agent-playground', version: '0.1.0' };
/** Connecting and listing give up after this long. */
const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
/** A server that pages its tool list forever is cut off here. */
const MAX_PAGES = 50;

export interface McpConnectOptions {
  /** Tokens (Bearer) by origin, exactly like model keys: a server gets only its own origin's token. */
  tokens?: Readonly<Record<string, string>>;
  /** The fetch the transports use (tests). */
  fetch?: typeof fetch;
  /**
   * The fetch for servers whose `via` is 'proxy': through this app's MCP proxy (proxy/proxy-fetch.ts). Without it
   * (the CLI has no proxy) such servers are reached directly.
   */
  proxyFetch?: typeof fetch;
  signal?: AbortSignal;
  connectTimeoutMs?: number;
  /** In a browser: the page's origin, so a failure can be told apart as CORS. */
  pageOrigin?: string;
  /**
   * In a browser, asks something that sees past CORS (the app's server) whether the server answers at all: true, false,
   * or undefined when it can't tell. A browser alone can't: a page that is cross-origin isolated (this app is, for
   * the WebContainer) can't even make a `no-cors` request to a server that doesn't opt in.
   */
  reachable?: (url: string) => Promise<boolean | undefined>;
}

/** Connecting to a server failed; `kind` says why, the message what to do. */
export class McpConnectError extends Error {
  override name = 'McpConnectError';
  constructor(
    readonly server: string,
    readonly kind: McpFailureKind,
    message: string,
  ) {
    super(message);
  }
}

interface OpenServer {
  settings: McpServerSettings;
  client: Client;
  tools: McpToolInfo[];
  offered: string[];
}

/** Connects, lists and closes: what Settings shows of a server. Never throws. */
export async function listMcpServer(server: McpServerSettings, options: McpConnectOptions = {}): Promise<McpServerListing> {
  try {
    // Every tool, whatever the allow-list says: Settings lets the person pick among them.
    const open = await openServer({ ...server, tools: undefined }, options);
    await open.client.close().catch(() => undefined);
    return { server: server.name, url: server.url, ok: true, tools: open.tools, offered: open.offered };
  } catch (error) {
    const failure = error instanceof McpConnectError ? error : new McpConnectError(server.name, 'other', messageOf(error));
    return { server: server.name, url: server.url, ok: false, kind: failure.kind, error: failure.message };
  }
}

/** Connects to every server (in parallel) for one run; throws McpConnectError for the first that fails, closing the rest. */
export async function connectMcpServers(servers: McpServerSettings[], options: McpConnectOptions = {}): Promise<McpConnection> {
  const settled = await Promise.allSettled(servers.map((s) => openServer(s, options)));
  const open = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(open.map((o) => o.client.close().catch(() => undefined)));
    throw failed.reason;
  }
  for (const o of open) {
    const missing = (o.settings.tools ?? []).filter((t) => !o.offered.includes(t));
    if (missing.length > 0) {
      await Promise.all(open.map((x) => x.client.close().catch(() => undefined)));
      throw new McpConnectError(
        o.settings.name,
        'other',
        `the MCP server '${o.settings.name}' has no tool ${missing.map((m) => `'${m}'`).join(', ')}; it offers: ${o.offered.join(', ') || 'no tools'}`,
      );
    }
  }
  const byServer = new Map(open.map((o) => [o.settings.name, o]));
  let closed = false;
  return {
    tools: open.flatMap((o) => o.tools),
    async call(tool: McpToolInfo, args: Record<string, unknown>, callOptions: McpCallOptions = {}) {
      const server = byServer.get(tool.server);
      if (!server || closed) throw new Error(`the MCP server '${tool.server}' is not connected`);
      const result = await server.client.callTool({ name: tool.mcpName, arguments: args }, undefined, {
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        ...(callOptions.timeoutMs ? { timeout: callOptions.timeoutMs } : {}),
      });
      return resultValue(result, `${tool.name} (MCP server '${tool.server}')`);
    },
    async close() {
      closed = true;
      await Promise.all(open.map((o) => o.client.close().catch(() => undefined)));
    },
  };
}

async function openServer(settings: McpServerSettings, options: McpConnectOptions): Promise<OpenServer> {
  const url = new URL(settings.url);
  const origin = originOf(settings.url);
  const token = origin ? options.tokens?.[origin]?.trim() : undefined;
  const seen: FetchObservation = {};
  const viaProxy = settings.via === 'proxy' && options.proxyFetch !== undefined;
  const baseFetch = (viaProxy ? options.proxyFetch : options.fetch) ?? globalThis.fetch.bind(globalThis);
  // The Streamable HTTP transport's optional GET stream may be refused (405) by servers that answer POSTs only: only the
  // requests that carry the protocol say what went wrong.
  const telling = (init?: RequestInit) => settings.transport === 'sse' || (init?.method ?? 'GET').toUpperCase() !== 'GET';
  const observed: typeof fetch = async (input, init) => {
    try {
      const response = await baseFetch(input, init);
      if (!telling(init)) return response;
      seen.status = response.status;
      seen.contentType = response.headers.get('content-type') ?? undefined;
      seen.networkError = undefined;
      seen.proxyAnswer = viaProxy ? await proxyAnswer(response) : undefined;
      return response;
    } catch (error) {
      if (telling(init) && !(init?.signal?.aborted ?? false)) seen.networkError = error;
      throw error;
    }
  };
  const requestInit: RequestInit = token ? { headers: { Authorization: `Bearer ${token}` } } : {};
  const transport: Transport =
    settings.transport === 'sse'
      ? new SSEClientTransport(url, { requestInit, fetch: observed })
      : new StreamableHTTPClientTransport(url, { requestInit, fetch: observed });
  const client = new Client(CLIENT_INFO, { capabilities: {}, jsonSchemaValidator: appJsonSchemaValidator });
  const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const requestOptions = { timeout, ...(options.signal ? { signal: options.signal } : {}) };
  try {
    await client.connect(transport, requestOptions);
    const listed: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await client.listTools(cursor ? { cursor } : {}, requestOptions);
      listed.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    const offered = listed.map((t) => t.name);
    const allowed = settings.tools ? listed.filter((t) => settings.tools!.includes(t.name)) : listed;
    return { settings, client, tools: allowed.map((t) => toolInfo(settings.name, t)), offered };
  } catch (error) {
    await client.close().catch(() => undefined);
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    const reachableWithoutCors =
      options.pageOrigin !== undefined && !viaProxy && seen.networkError !== undefined && options.reachable
        ? await options.reachable(settings.url).catch(() => undefined)
        : undefined;
    const failure = classifyMcpFailure(error, seen, {
      server: settings.name,
      url: settings.url,
      withToken: token !== undefined && token !== '',
      ...(options.pageOrigin !== undefined ? { pageOrigin: options.pageOrigin } : {}),
      ...(reachableWithoutCors !== undefined ? { reachableWithoutCors } : {}),
      ...(viaProxy ? { viaProxy } : {}),
    });
    throw new McpConnectError(settings.name, failure.kind, failure.message);
  }
}

function toolInfo(server: string, tool: Tool): McpToolInfo {
  const inputSchema = { ...(tool.inputSchema as JsonSchema), type: 'object' as const };
  return {
    server,
    name: toIdentifier(tool.name),
    mcpName: tool.name,
    description: (tool.description ?? tool.title ?? '').trim(),
    inputSchema,
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema as JsonSchema } : {}),
  };
}

/** The message of an answer the app's proxy made itself (a refusal; the server unreachable from there), else undefined. */
async function proxyAnswer(response: Response): Promise<FetchObservation['proxyAnswer']> {
  const mark = response.headers.get(PROXY_MARK_HEADER);
  if (mark !== 'refused' && mark !== 'unreachable') return undefined;
  try {
    const body = (await response.clone().json()) as { error?: { message?: unknown } };
    const message = typeof body.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`;
    return { unreachable: mark === 'unreachable', message };
  } catch {
    return { unreachable: mark === 'unreachable', message: `HTTP ${response.status}` };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
