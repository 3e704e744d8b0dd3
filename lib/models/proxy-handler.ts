// The model proxy's request → response logic, on web APIs only (the Next route handler is a thin wrapper).
// Order: method, who is calling (Origin / Sec-Fetch-Site), where to (host and model API path), which key.
import { bringsCredential, emptyCredentialRefusal, serverKeyFor } from './proxy-credentials';
import type { ProxyEnv } from './proxy-env';
import { crossSiteRefusal, noOriginRefusal } from './proxy-origin';
import { forwardRequestHeaders, forwardResponseHeaders, isProxyProvider, PROXY_BASE_URL_HEADER, resolveProxyTarget } from './proxy-policy';
import { classifyUnreachable, PROXY_MARK_HEADER, unreachableResponse } from './proxy-unreachable';

const METHODS = ['GET', 'HEAD', 'POST'];
/** Statuses whose response must not have a body. */
const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];

export async function handleProxyRequest(
  request: Request,
  params: { provider: string; path: string[] },
  env: ProxyEnv,
  fetchImpl: typeof fetch = fetch,
  log: (line: string) => void = console.log,
): Promise<Response> {
  const started = performance.now();
  const method = request.method.toUpperCase();
  // Only known names reach the log: the provider comes from the URL.
  const provider = isProxyProvider(params.provider) ? params.provider : 'unknown';
  let host = '-';
  const done = (response: Response): Response => {
    // Every answer, the upstream's included: never sniffed as another type, never leaking the app's URL onwards.
    response.headers.set('x-content-type-options', 'nosniff');
    response.headers.set('referrer-policy', 'no-referrer');
    log(`model-proxy ${method} ${provider} ${host} -> ${response.status} ${Math.round(performance.now() - started)}ms`);
    return response;
  };

  if (!METHODS.includes(method)) {
    const res = errorResponse(405, `The model proxy accepts GET and POST, not ${method}.`);
    res.headers.set('allow', 'GET, HEAD, POST');
    return done(res);
  }
  const crossSite = crossSiteRefusal(request.url, request.headers);
  if (crossSite) return done(errorResponse(crossSite.status, crossSite.message));

  const target = resolveProxyTarget(
    {
      provider: params.provider,
      method,
      path: params.path,
      search: new URL(request.url).search,
      baseURLHeader: request.headers.get(PROXY_BASE_URL_HEADER),
    },
    env,
  );
  if (!target.ok) return done(errorResponse(target.status, target.message));
  host = target.url.host;
  const upstreamProvider = isProxyProvider(params.provider) ? params.provider : 'openai';

  const emptyKey = emptyCredentialRefusal(request.headers);
  if (emptyKey) return done(errorResponse(emptyKey.status, emptyKey.message));
  const serverKey = bringsCredential(request.headers) ? undefined : serverKeyFor(upstreamProvider, target.url, env);
  const noOrigin = noOriginRefusal(method, request.headers, { allowNoOrigin: env.allowNoOrigin, usesServerKey: serverKey !== undefined });
  if (noOrigin) return done(errorResponse(noOrigin.status, noOrigin.message));

  const init: RequestInit & { duplex: 'half' } = {
    method,
    headers: forwardRequestHeaders(request.headers, upstreamProvider, serverKey),
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
    // This server has no way to the provider: a 502 of the proxy's own, so the page neither blames nor retries the provider.
    return done(unreachableResponse(classifyUnreachable(error, host)));
  }

  if (upstream.status >= 300 && upstream.status < 400 && upstream.status !== 304) {
    await upstream.body?.cancel().catch(() => {});
    return done(
      errorResponse(
        502,
        `${host} answered with a redirect (${upstream.status}); the proxy never follows redirects. Check the base URL (for example https rather than http, or a missing /v1).`,
      ),
    );
  }

  const body = NULL_BODY_STATUSES.includes(upstream.status) || method === 'HEAD' ? null : upstream.body;
  if (body === null) await upstream.body?.cancel().catch(() => {});
  return done(new Response(body, { status: upstream.status, statusText: upstream.statusText, headers: forwardResponseHeaders(upstream.headers) }));
}

/** An answer of the proxy's own (a refusal, a redirect it won't follow), marked so the page does not take it for the provider's. */
function errorResponse(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status, headers: { 'cache-control': 'no-store', [PROXY_MARK_HEADER]: 'refused' } });
}
