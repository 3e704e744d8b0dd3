// The model proxy's request → response logic, on web APIs only (the Next route handler is a thin wrapper).
// Order: method, who is calling (Origin / Sec-Fetch-Site), where to (host and model API path), which key.
import { bringsCredential, emptyCredentialRefusal, serverKeyFor } from './proxy-credentials';
import type { ProxyEnv } from './proxy-env';
import { crossSiteRefusal, noOriginRefusal } from './proxy-origin';
import { forwardRequestHeaders, forwardResponseHeaders, isProxyProvider, PROXY_BASE_URL_HEADER, resolveProxyTarget } from './proxy-policy';
import { forwardUpstream, proxyErrorResponse } from './proxy-forward';

const METHODS = ['GET', 'HEAD', 'POST'];

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
    const res = proxyErrorResponse(405, `The model proxy accepts GET and POST, not ${method}.`);
    res.headers.set('allow', 'GET, HEAD, POST');
    return done(res);
  }
  const crossSite = crossSiteRefusal(request.url, request.headers);
  if (crossSite) return done(proxyErrorResponse(crossSite.status, crossSite.message));

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
  if (!target.ok) return done(proxyErrorResponse(target.status, target.message));
  host = target.url.host;
  const upstreamProvider = isProxyProvider(params.provider) ? params.provider : 'openai';

  const emptyKey = emptyCredentialRefusal(request.headers);
  if (emptyKey) return done(proxyErrorResponse(emptyKey.status, emptyKey.message));
  const serverKey = bringsCredential(request.headers) ? undefined : serverKeyFor(upstreamProvider, target.url, env);
  const noOrigin = noOriginRefusal(method, request.headers, { allowNoOrigin: env.allowNoOrigin, usesServerKey: serverKey !== undefined });
  if (noOrigin) return done(proxyErrorResponse(noOrigin.status, noOrigin.message));

  return done(
    await forwardUpstream(request, method, {
      target: target.url,
      headers: forwardRequestHeaders(request.headers, upstreamProvider, serverKey),
      redirectMessage: (upstream) =>
        `${host} answered with a redirect (${upstream.status}); the proxy never follows redirects. Check the base URL (for example https rather than http, or a missing /v1).`,
      responseHeaders: forwardResponseHeaders,
      fetchImpl,
    }),
  );
}

