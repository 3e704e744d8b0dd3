// Why connecting to an MCP server failed, in words that say what to fix: the server is down, CORS, the token, not an
// MCP endpoint, a protocol version the client does not speak, or too slow.
import type { McpFailureKind } from './types';

/** What the connection's fetch saw: the last HTTP answer, or the last fetch that failed outright. */
export interface FetchObservation {
  status?: number;
  contentType?: string;
  networkError?: unknown;
  /** An answer the app's MCP proxy made itself: it refused the call, or could not reach the server from there. */
  proxyAnswer?: { unreachable: boolean; message: string };
}

export interface FailureContext {
  server: string;
  url: string;
  /** Whether a token was sent. */
  withToken: boolean;
  /** Set in a browser: the page's origin, for CORS advice. */
  pageOrigin?: string;
  /** In a browser, whether the server answers at all, asked of something CORS doesn't stop (the app's server); unknown: undefined. */
  reachableWithoutCors?: boolean;
  /** Set when the request went through the app's server. */
  viaProxy?: boolean;
}

export function classifyMcpFailure(error: unknown, seen: FetchObservation, ctx: FailureContext): { kind: McpFailureKind; message: string } {
  const who = `the MCP server '${ctx.server}' at ${ctx.url}${ctx.viaProxy ? " (through this app's server)" : ''}`;
  const text = messageOf(error);
  if (seen.proxyAnswer) {
    // The proxy's words say what to change (MCP_PROXY_ALLOWED_HOSTS, the address); the server itself was not asked.
    return { kind: seen.proxyAnswer.unreachable ? 'unreachable' : 'other', message: `${who}: ${seen.proxyAnswer.message}` };
  }
  if (/protocol version is not supported/i.test(text)) {
    return { kind: 'protocol', message: `${who} answered with a protocol version this app does not speak (${text.replace(/^.*?:\s*/, '')}). Update the server's MCP SDK, or use a server that speaks a current MCP version.` };
  }
  if (isTimeout(error)) {
    return { kind: 'timeout', message: `${who} did not answer in time (${text}). Is it busy, or is this the right address?` };
  }
  const status = seen.status ?? statusOf(error);
  if (status === 401 || status === 403) {
    const what = ctx.withToken
      ? `refused the token (${status}): check the token under Settings → MCP servers (the CLI reads MCP_TOKEN_${ctx.server.toUpperCase()})`
      : `needs a token (${status}): enter it under Settings → MCP servers (the CLI reads MCP_TOKEN_${ctx.server.toUpperCase()})`;
    return { kind: 'unauthorized', message: `${who} ${what}.` };
  }
  if (status === 404 || status === 405) {
    return { kind: 'not-mcp', message: `${who} is not an MCP endpoint (HTTP ${status}). Check the path (often /mcp, or /sse for the older transport) and the transport.` };
  }
  if (/unexpected content type/i.test(text) || (status !== undefined && status < 300 && seen.contentType !== undefined && !/json|event-stream/i.test(seen.contentType))) {
    return {
      kind: 'not-mcp',
      message: `${who} is not an MCP endpoint: it answered with ${seen.contentType ?? 'an unexpected content type'} instead of JSON or an event stream. Check the address and the transport.`,
    };
  }
  if (seen.networkError !== undefined || isNetworkError(error)) {
    const cause = seen.networkError ?? error;
    if (ctx.viaProxy) return { kind: 'unreachable', message: `Could not reach this app's server to forward to ${who} (${messageOf(cause)}).` };
    if (ctx.pageOrigin === undefined) {
      const code = causeCode(cause);
      const why = code === 'ECONNREFUSED' ? 'connection refused: is it running, on that port?' : code === 'ENOTFOUND' ? 'no such host: check the address' : (code ?? messageOf(cause));
      return { kind: 'unreachable', message: `Could not reach ${who} (${why}).` };
    }
    if (ctx.reachableWithoutCors) {
      return {
        kind: 'cors',
        message: `${who} answers, but does not allow calls from this page (${ctx.pageOrigin}): CORS. ${CORS_ADVICE(ctx.pageOrigin)}`,
      };
    }
    if (ctx.reachableWithoutCors === false) {
      return { kind: 'unreachable', message: `Could not reach ${who}: the server is not running, the address is wrong, or this computer is offline.` };
    }
    return {
      kind: 'unreachable',
      message:
        `The browser could not reach ${who}, and browsers hide the reason. Either the server is not running (or the address ` +
        `is wrong, or this computer is offline), or it does not allow calls from this page (${ctx.pageOrigin}): CORS. For ` +
        `CORS, ${lowerFirst(CORS_ADVICE(ctx.pageOrigin))}`,
    };
  }
  if (status !== undefined && status >= 400) {
    return { kind: 'other', message: `${who} answered HTTP ${status}: ${text}` };
  }
  return { kind: 'other', message: `${who} failed: ${text}` };
}

const CORS_ADVICE = (pageOrigin: string) =>
  `The server must answer with Access-Control-Allow-Origin: ${pageOrigin} (or *), allow the headers Content-Type, ` +
  `Authorization, Mcp-Session-Id and Mcp-Protocol-Version, expose Mcp-Session-Id, and answer OPTIONS preflights. Or let ` +
  `this app's server forward the calls: "via": "proxy" (Settings → MCP servers), with the host in MCP_PROXY_ALLOWED_HOSTS.`;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 100 && code < 600 ? code : undefined;
}

function isTimeout(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  return e?.name === 'TimeoutError' || (e?.code === -32001 && /timed out/i.test(String(e.message)));
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 4 && current && typeof current === 'object'; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
