// What the MCP proxy may call and what it passes on. Pure TypeScript (no Next): the route handler and the tests share it.
//
// Not an open proxy: it forwards only to http(s) addresses whose host (and port) the server's operator listed in
// MCP_PROXY_ALLOWED_HOSTS, and only the headers MCP's HTTP transports use, in both directions (never cookies).
import { allowedHostFor } from '../../models/proxy-env';
import { MCP_ALLOWED_HOSTS_ENV, type McpProxyEnv } from './mcp-proxy-env';

export const MCP_PROXY_PATH = '/api/mcp-proxy';
/** The MCP server's real address, e.g. https://example.com/mcp: the proxy's only way to learn where to go. */
export const MCP_TARGET_HEADER = 'x-mcp-target';
const MAX_TARGET_LENGTH = 4096;

export type McpProxyTarget = { ok: true; url: URL } | { ok: false; status: number; message: string };

const LIST_SYNTAX = `${MCP_ALLOWED_HOSTS_ENV} (comma separated host or host:port, in the server's environment)`;

function refuse(status: number, message: string): McpProxyTarget {
  return { ok: false, status, message };
}

export function resolveMcpTarget(header: string | null, env: McpProxyEnv): McpProxyTarget {
  const raw = header?.trim() ?? '';
  if (!raw) return refuse(400, `Calls to the MCP proxy need the ${MCP_TARGET_HEADER} header with the MCP server's address, e.g. https://example.com/mcp.`);
  if (raw.length > MAX_TARGET_LENGTH) return refuse(400, `The ${MCP_TARGET_HEADER} header is longer than ${MAX_TARGET_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse(400, `The ${MCP_TARGET_HEADER} header is not an absolute URL (it should look like https://example.com/mcp).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(403, `The MCP proxy calls only http:// and https:// addresses; ${url.protocol} is refused.`);
  }
  if (url.username || url.password) {
    return refuse(403, 'The MCP server address must not carry a user name or password (user:password@host); enter a token under Settings → MCP servers instead.');
  }
  if (env.allowedHosts.length === 0) {
    return refuse(
      403,
      `The MCP proxy forwards to no host: ${MCP_ALLOWED_HOSTS_ENV} is not set on this app's server. Its operator can allow this one by starting the server with ${MCP_ALLOWED_HOSTS_ENV}=${url.host} (a comma separated list of host or host:port); or connect from the browser (the MCP server must then allow this page's origin: CORS).`,
    );
  }
  if (!allowedHostFor(url, env)) {
    return refuse(403, `${url.host} is not a host the MCP proxy forwards to; the server's operator can allow it: add ${url.host} to ${LIST_SYNTAX}.`);
  }
  url.hash = '';
  return { ok: true, url };
}

/** Request headers passed upstream; everything else (cookie, host, origin, x-forwarded-*, user-agent, ...) is dropped. */
const REQUEST_HEADERS = ['content-type', 'accept', 'authorization', 'mcp-session-id', 'mcp-protocol-version', 'last-event-id'];

export function forwardMcpRequestHeaders(incoming: Headers): Headers {
  const out = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) out.set(name, value);
  }
  return out;
}

const RESPONSE_HEADERS = ['content-type', 'mcp-session-id', 'www-authenticate'];

/**
 * Response headers passed back to the page; never set-cookie, content-encoding or content-length (the body is
 * re-streamed). MCP answers are never cached, and an event stream must not be compressed or buffered on its way.
 */
export function forwardMcpResponseHeaders(upstream: Headers): Headers {
  const out = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) out.set(name, value);
  }
  out.set('cache-control', 'no-store, no-transform');
  out.set('x-accel-buffering', 'no');
  return out;
}
