// The MCP proxy's request → response logic, on web APIs only (the Next route handler is a thin wrapper). The page sends
// each MCP request to /api/mcp-proxy with the server's real address in the x-mcp-target header (see proxy-fetch.ts).
// Order: method, who is calling (Origin / Sec-Fetch-Site, the model proxy's rules), where to (MCP_PROXY_ALLOWED_HOSTS).
import { crossSiteRefusal, noOriginRefusal, type ProxyNaming } from '../../models/proxy-origin';
import { classifyUnreachable, PROXY_MARK_HEADER, unreachableResponse } from '../../models/proxy-unreachable';
import { MCP_ALLOW_NO_ORIGIN_ENV, type McpProxyEnv } from './mcp-proxy-env';
import { forwardMcpRequestHeaders, forwardMcpResponseHeaders, MCP_TARGET_HEADER, resolveMcpTarget } from './mcp-proxy-policy';

/** What MCP's HTTP transports send: POST (messages), GET (the event stream), DELETE (ending a session). */
const METHODS = ['GET', 'POST', 'DELETE'];
/** Statuses whose response must not have a body. */
const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];

const NAMING: ProxyNaming = { proxy: 'The MCP proxy', allowNoOriginEnv: MCP_ALLOW_NO_ORIGIN_ENV, direct: 'Connect to the MCP server directly' };

export async function handleMcpProxyRequest(
  request: Request,
  env: McpProxyEnv,
  fetchImpl: typeof fetch = fetch,
  log: (line: string) => void = console.log,
): Promise<Response> {
  const started = performance.now();
  const method = request.method.toUpperCase();
  let host = '-';
  const done = (response: Response): Response => {
    // Every answer, the upstream's included: never sniffed as another type, never leaking the app's URL onwards.
    response.headers.set('x-content-type-options', 'nosniff');
    response.headers.set('referrer-policy', 'no-referrer');
    // Host only: the path and query may carry a session id, and headers and bodies a token.
    log(`mcp-proxy ${method.slice(0, 10)} ${host} -> ${response.status} ${Math.round(performance.now() - started)}ms`);
    return response;
  };

  if (!METHODS.includes(method)) {
    const res = errorResponse(405, `The MCP proxy accepts GET, POST and DELETE (what MCP's HTTP transports send), not ${method.slice(0, 20)}.`);
    res.headers.set('allow', METHODS.join(', '));
    return done(res);
  }
  const crossSite = crossSiteRefusal(request.url, request.headers, NAMING);
  if (crossSite) return done(errorResponse(crossSite.status, crossSite.message));
  const noOrigin = noOriginRefusal(method, request.headers, { allowNoOrigin: env.allowNoOrigin, usesServerKey: false }, NAMING);
  if (noOrigin) return done(errorResponse(noOrigin.status, noOrigin.message));

  const target = resolveMcpTarget(request.headers.get(MCP_TARGET_HEADER), env);
  if (!target.ok) return done(errorResponse(target.status, target.message));
  host = target.url.host;

  const init: RequestInit & { duplex: 'half' } = {
    method,
    headers: forwardMcpRequestHeaders(request.headers),
    body: method === 'POST' ? request.body : null,
    duplex: 'half',
    redirect: 'manual',
    signal: request.signal,
  };
  let upstream: Response;
  try {
    upstream = await fetchImpl(target.url, init);
  } catch (error) {
    if (request.signal.aborted) return done(errorResponse(499, 'The call was cancelled by the client.'));
    // This server has no way to the MCP server: a 502 of the proxy's own that names the host.
    return done(unreachableResponse(classifyUnreachable(error, host)));
  }

  if (upstream.status >= 300 && upstream.status < 400 && upstream.status !== 304) {
    await upstream.body?.cancel().catch(() => {});
    return done(errorResponse(502, `${host} answered with a redirect (${upstream.status}${redirectTarget(upstream, target.url)}); the MCP proxy never follows redirects. Use the address it redirects to.`));
  }

  // The body is passed on as a stream: an event stream reaches the page event by event.
  const body = NULL_BODY_STATUSES.includes(upstream.status) ? null : upstream.body;
  if (body === null) await upstream.body?.cancel().catch(() => {});
  return done(new Response(body, { status: upstream.status, statusText: upstream.statusText, headers: forwardMcpResponseHeaders(upstream.headers) }));
}

/** ` to <address>` without query or fragment (they may carry a session or a code), or nothing when there is none. */
function redirectTarget(response: Response, from: URL): string {
  const location = response.headers.get('location');
  if (!location) return '';
  try {
    const to = new URL(location, from);
    to.username = to.password = to.search = to.hash = '';
    return ` to ${to.href.slice(0, 200)}`;
  } catch {
    return '';
  }
}

/** An answer of the proxy's own (a refusal, a redirect it won't follow), marked so the page does not take it for the MCP server's. */
function errorResponse(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status, headers: { 'cache-control': 'no-store', [PROXY_MARK_HEADER]: 'refused' } });
}
