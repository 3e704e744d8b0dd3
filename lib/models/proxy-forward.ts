// What both of the app's proxies (models, MCP) do once a request may go on: send it upstream without following
// redirects, stream the answer back, and answer for themselves (marked) when the upstream can't be reached.
import { classifyUnreachable, PROXY_MARK_HEADER, unreachableResponse } from './proxy-unreachable';

/** Statuses whose response must not have a body. */
const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];

/** An answer of the proxy's own (a refusal, a redirect it won't follow), marked so the page does not take it for the upstream's. */
export function proxyErrorResponse(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status, headers: { 'cache-control': 'no-store', [PROXY_MARK_HEADER]: 'refused' } });
}

export interface ForwardOptions {
  target: URL;
  headers: Headers;
  /** How the page is told about a redirect, which the proxy never follows. */
  redirectMessage: (upstream: Response) => string;
  /** The upstream's response headers that go back to the page. */
  responseHeaders: (upstream: Headers) => Headers;
  fetchImpl: typeof fetch;
}

export async function forwardUpstream(request: Request, method: string, options: ForwardOptions): Promise<Response> {
  const init: RequestInit & { duplex: 'half' } = {
    method,
    headers: options.headers,
    body: method === 'POST' ? request.body : null,
    duplex: 'half',
    redirect: 'manual',
    signal: request.signal,
  };
  let upstream: Response;
  try {
    upstream = await options.fetchImpl(options.target, init);
  } catch (error) {
    if (request.signal.aborted) return proxyErrorResponse(499, 'The call was cancelled by the client.');
    // This server has no way to the upstream: a 502 of the proxy's own that names the host, so the page neither blames
    // nor retries the upstream.
    return unreachableResponse(classifyUnreachable(error, options.target.host));
  }
  if (upstream.status >= 300 && upstream.status < 400 && upstream.status !== 304) {
    await upstream.body?.cancel().catch(() => {});
    return proxyErrorResponse(502, options.redirectMessage(upstream));
  }
  // The body is passed on as a stream: an event stream reaches the page event by event.
  const body = NULL_BODY_STATUSES.includes(upstream.status) || method === 'HEAD' ? null : upstream.body;
  if (body === null) await upstream.body?.cancel().catch(() => {});
  return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers: options.responseHeaders(upstream.headers) });
}
