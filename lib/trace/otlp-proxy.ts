// The OTLP proxy: the page sends a run's OTLP/protobuf through this app's server when the browser cannot reach the
// endpoint itself (CORS). Pure TypeScript (no Next): the route handler and the tests share it.
//
// Not an open relay: it POSTs protobuf only, only to hosts the operator lists in OTLP_PROXY_ALLOWED_HOSTS (default:
// loopback only), only for this app's own pages, never follows a redirect, and passes on only the caller's own headers.
import { crossSiteRefusal, noOriginRefusal, type ProxyNaming } from '../models/proxy-origin';
import { normalizeHost } from '../models/proxy-env';
import { checkOtlpEndpoint, OTLP_PROTOBUF_TYPE, redact, type OtlpHeaders } from './otlp-send';

export const OTLP_PROXY_PATH = '/api/otlp-proxy';
export const OTLP_ALLOWED_HOSTS_ENV = 'OTLP_PROXY_ALLOWED_HOSTS';
export const OTLP_ALLOW_NO_ORIGIN_ENV = 'OTLP_PROXY_ALLOW_NO_ORIGIN';
/** The endpoint to send to. */
export const OTLP_ENDPOINT_HEADER = 'x-otlp-endpoint';
/** The endpoint's own headers (credentials), as a JSON object of strings. */
export const OTLP_HEADERS_HEADER = 'x-otlp-headers';
/** Set on the proxy's own refusals, so the page can tell them from the endpoint's answers. */
export const OTLP_REFUSAL_HEADER = 'x-otlp-proxy-refusal';
export const MAX_OTLP_BODY_BYTES = 32 * 1024 * 1024;

const NAMING: ProxyNaming = { proxy: 'The OTLP proxy', allowNoOriginEnv: OTLP_ALLOW_NO_ORIGIN_ENV, direct: 'Send to the endpoint directly' };

/** Headers the proxy sets itself or that must not travel (hop-by-hop, cookies). */
const RESERVED = new Set(['host', 'content-type', 'content-length', 'connection', 'transfer-encoding', 'te', 'upgrade', 'cookie', 'keep-alive', 'expect', 'origin', 'referer']);

export interface OtlpProxyEnv {
  /** Canonical `host[:port]` entries; undefined: loopback only. */
  allowedHosts: string[] | undefined;
  allowNoOrigin: boolean;
  warnings: string[];
}

export function otlpProxyEnvFrom(env: Readonly<Record<string, string | undefined>>): OtlpProxyEnv {
  const raw = env[OTLP_ALLOWED_HOSTS_ENV]?.trim();
  const warnings: string[] = [];
  let allowedHosts: string[] | undefined;
  if (raw) {
    allowedHosts = [];
    for (const entry of raw.split(',')) {
      if (!entry.trim()) continue;
      const host = normalizeHost(entry);
      if (host) allowedHosts.push(host);
      else warnings.push(`${OTLP_ALLOWED_HOSTS_ENV}: ${JSON.stringify(entry.trim().slice(0, 80))} is not a host or host:port; ignored.`);
    }
  }
  return { allowedHosts, allowNoOrigin: env[OTLP_ALLOW_NO_ORIGIN_ENV] === '1', warnings };
}

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Whether the proxy may send to this endpoint: loopback by default, else exactly the listed hosts (no port = default port). */
export function checkOtlpProxyTarget(endpoint: string | null, env: Pick<OtlpProxyEnv, 'allowedHosts'>): { ok: true; url: URL } | { ok: false; status: number; message: string } {
  if (!endpoint) return { ok: false, status: 400, message: `The OTLP proxy needs the endpoint in the ${OTLP_ENDPOINT_HEADER} header.` };
  const checked = checkOtlpEndpoint(endpoint);
  if (!checked.ok) return { ok: false, status: 400, message: `The OTLP proxy cannot send there: ${checked.message}.` };
  const url = checked.url;
  const allowed = env.allowedHosts
    ? env.allowedHosts.some((entry) => entry === url.hostname ? url.port === '' : entry === `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`)
    : isLoopback(url.hostname);
  if (!allowed) {
    return {
      ok: false,
      status: 403,
      message: `The OTLP proxy does not send to ${url.host}: ${env.allowedHosts ? `it sends only to ${env.allowedHosts.join(', ') || 'no host'}` : 'by default it sends only to this server’s loopback (localhost, 127.0.0.1, [::1])'}. The server's operator can list hosts in ${OTLP_ALLOWED_HOSTS_ENV} (comma separated host or host:port).`,
    };
  }
  return { ok: true, url };
}

/** The endpoint's headers from the JSON the page sent, or why they are refused (never echoing a value). */
export function forwardedOtlpHeaders(raw: string | null): { ok: true; headers: OtlpHeaders } | { ok: false; message: string } {
  if (!raw) return { ok: true, headers: {} };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, message: `The ${OTLP_HEADERS_HEADER} header must be a JSON object of header names and values.` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, message: `The ${OTLP_HEADERS_HEADER} header must be a JSON object of header names and values.` };
  const headers: OtlpHeaders = {};
  for (const [name, value] of Object.entries(data)) {
    if (typeof value !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(value)) return { ok: false, message: `The header ${JSON.stringify(name.slice(0, 60))} is not a header name with a text value.` };
    if (RESERVED.has(name.toLowerCase()) || name.toLowerCase().startsWith('proxy-')) return { ok: false, message: `The OTLP proxy sets ${name} itself; it cannot be passed on.` };
    headers[name] = value;
  }
  return { ok: true, headers };
}

function refusal(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: message }), { status, headers: { 'Content-Type': 'application/json', [OTLP_REFUSAL_HEADER]: '1' } });
}

export async function handleOtlpProxyRequest(request: Request, env: OtlpProxyEnv, fetchImpl: typeof fetch = fetch): Promise<Response> {
  const site = crossSiteRefusal(request.url, request.headers, NAMING) ?? noOriginRefusal(request.method, request.headers, { allowNoOrigin: env.allowNoOrigin, usesServerKey: false }, NAMING);
  if (site) return refusal(site.status, site.message);
  if (request.method !== 'POST') return refusal(405, `The OTLP proxy takes POST only, not ${request.method}.`);
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== OTLP_PROTOBUF_TYPE) return refusal(415, `The OTLP proxy sends ${OTLP_PROTOBUF_TYPE} only, not ${JSON.stringify(type ?? 'no content type')}.`);
  const target = checkOtlpProxyTarget(request.headers.get(OTLP_ENDPOINT_HEADER), env);
  if (!target.ok) return refusal(target.status, target.message);
  const headers = forwardedOtlpHeaders(request.headers.get(OTLP_HEADERS_HEADER));
  if (!headers.ok) return refusal(400, headers.message);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_OTLP_BODY_BYTES) return refusal(413, `The trace is larger than the OTLP proxy's ${MAX_OTLP_BODY_BYTES / 1024 / 1024} MiB.`);
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > MAX_OTLP_BODY_BYTES) return refusal(413, `The trace is larger than the OTLP proxy's ${MAX_OTLP_BODY_BYTES / 1024 / 1024} MiB.`);
  let upstream: Response;
  try {
    upstream = await fetchImpl(target.url, { method: 'POST', headers: { ...headers.headers, 'Content-Type': OTLP_PROTOBUF_TYPE }, body, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    return refusal(502, `The OTLP proxy could not reach ${target.url.origin}: ${redact(error instanceof Error ? error.message : String(error), headers.headers)}`);
  }
  if (upstream.status >= 300 && upstream.status < 400) {
    await upstream.body?.cancel();
    return refusal(502, `${target.url.origin} answered with a redirect (${upstream.status}); the OTLP proxy does not follow redirects: give the endpoint's final address.`);
  }
  const text = redact((await upstream.text().catch(() => '')).slice(0, 2_000), headers.headers);
  return new Response([204, 205, 304].includes(upstream.status) ? null : text, { status: upstream.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
