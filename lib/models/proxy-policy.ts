// What the model proxy may call and what it passes on. Pure TypeScript (no Next): the route handler and the tests share it.
//
// The proxy is not an open proxy: openai, anthropic and google go to their fixed addresses; an OpenAI-compatible
// server is reached only when its host is a known public service or one the server's operator listed in
// MODEL_PROXY_ALLOWED_HOSTS; on any of them only model API paths (proxy-api-paths.ts) are forwarded. Only the headers
// a model API needs are passed on, in both directions.
import { apiPathRefusal } from './proxy-api-paths';
import { CREDENTIAL_HEADERS, addServerKey } from './proxy-credentials';
import { ALLOWED_HOSTS_ENV, allowedHostFor, type ProxyEnv } from './proxy-env';

export type ProxyProvider = 'openai' | 'anthropic' | 'google' | 'openai-compatible';

export const PROXY_PROVIDERS: readonly ProxyProvider[] = ['openai', 'anthropic', 'google', 'openai-compatible'];

export const PROXY_PATH = '/api/model-proxy';

/** Base URL the browser-side provider should use when calling through the proxy. */
export function proxyBaseURL(origin: string, provider: ProxyProvider): string {
  return `${origin.replace(/\/+$/, '')}${PROXY_PATH}/${provider}`;
}

/** For openai-compatible: the server's real base URL, e.g. https://openrouter.ai/api/v1. */
export const PROXY_BASE_URL_HEADER = 'x-proxy-base-url';

/** Public OpenAI-compatible services the proxy calls without configuration (https, default port only). */
export const PRESET_COMPATIBLE_HOSTS: readonly string[] = [
  'openrouter.ai',
  'router.huggingface.co',
  'api.together.xyz',
  'api.groq.com',
  'api.deepseek.com',
  'api.mistral.ai',
];

/** Fixed upstreams. */
export const PROXY_UPSTREAMS: Record<Exclude<ProxyProvider, 'openai-compatible'>, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
};

function isPresetHost(url: URL): boolean {
  return url.port === '' && PRESET_COMPATIBLE_HOSTS.includes(url.hostname);
}

export type ProxyTarget = { ok: true; url: URL } | { ok: false; status: number; message: string };

const HOW_TO_ALLOW = `${ALLOWED_HOSTS_ENV} (comma separated host or host:port, each optionally =KEY_VARIABLE, in the server's environment)`;

function refuse(status: number, message: string): ProxyTarget {
  return { ok: false, status, message };
}

export function resolveProxyTarget(
  input: { provider: string; method: string; path: string[]; search: string; baseURLHeader: string | null },
  env: ProxyEnv,
): ProxyTarget {
  const provider = input.provider;
  if (!isProxyProvider(provider)) {
    return refuse(404, `The model proxy has no provider ${JSON.stringify(provider.slice(0, 40))}: it serves ${PROXY_PROVIDERS.join(', ')}.`);
  }

  let base: URL;
  if (provider === 'openai-compatible') {
    const checked = checkCompatibleBase(input.baseURLHeader, env);
    if (!checked.ok) return checked;
    base = checked.url;
  } else {
    base = new URL(PROXY_UPSTREAMS[provider]);
  }

  if (input.path.length === 0) return refuse(403, 'The model proxy needs a path after the provider, e.g. /api/model-proxy/openai/chat/completions.');
  const segments: string[] = [];
  for (const segment of input.path) {
    const problem = segmentProblem(segment);
    if (problem) {
      return refuse(
        403,
        `The path segment ${JSON.stringify(segment.slice(0, 60))} is refused: ${problem}. The proxy forwards plain path segments only (no empty, "." or ".." segments, no "/" or "\\" inside a segment, percent-encoded or not).`,
      );
    }
  }
  const refusedPath = apiPathRefusal(provider, input.path, input.method);
  if (refusedPath) return refuse(refusedPath.status, refusedPath.message);
  for (const segment of input.path) segments.push(encodeSegment(segment));

  const search = input.search === '' || input.search === '?' ? '' : input.search.startsWith('?') ? input.search : `?${input.search}`;
  if (search.includes('#')) return refuse(403, 'The query string must not contain "#".');
  const basePath = base.pathname.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(`${base.origin}${basePath}/${segments.join('/')}${search}`);
  } catch {
    return refuse(403, 'The path does not make a valid URL.');
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
    return refuse(403, `The path would leave ${base.origin}${basePath}, so it is refused.`);
  }
  return { ok: true, url };
}

export function isProxyProvider(provider: string): provider is ProxyProvider {
  return (PROXY_PROVIDERS as readonly string[]).includes(provider);
}

function checkCompatibleBase(header: string | null, env: ProxyEnv): ProxyTarget {
  const raw = header?.trim() ?? '';
  if (!raw) {
    return refuse(
      400,
      `openai-compatible calls through the proxy need the ${PROXY_BASE_URL_HEADER} header with the server's base URL, e.g. https://openrouter.ai/api/v1.`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse(400, `The ${PROXY_BASE_URL_HEADER} header is not an absolute URL (it should look like https://openrouter.ai/api/v1).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(403, `The proxy calls only https:// addresses (and http:// for hosts in ${ALLOWED_HOSTS_ENV}); ${url.protocol} is refused.`);
  }
  if (url.username || url.password) {
    return refuse(403, 'The base URL must not carry a user name or password (user:password@host); send the key as the API key instead.');
  }
  const host = url.host;
  if (!allowedHostFor(url, env)) {
    const kind = privateKind(url.hostname);
    if (kind) {
      return refuse(
        403,
        `${host} is ${kind}; the proxy calls such addresses only when the server's operator allows the exact host: add ${host} to ${HOW_TO_ALLOW}.`,
      );
    }
    if (!isPresetHost(url)) {
      return refuse(
        403,
        `${host} is not one of the OpenAI-compatible services the proxy calls (${PRESET_COMPATIBLE_HOSTS.join(', ')}, over https); the server's operator can allow it: add ${host} to ${HOW_TO_ALLOW}.`,
      );
    }
    if (url.protocol !== 'https:') {
      return refuse(
        403,
        `The proxy calls ${host} only over https (use https://${host}${url.pathname === '/' ? '' : url.pathname}); plain http is allowed only for hosts the operator lists in ${HOW_TO_ALLOW}.`,
      );
    }
  }
  const pathProblem = basePathProblem(raw);
  if (pathProblem) return refuse(400, `The base URL in ${PROXY_BASE_URL_HEADER} is refused: its path ${pathProblem}. Give the server's plain base URL, e.g. http://localhost:11434/v1.`);
  if (url.search || url.hash || /[?#]/.test(raw)) {
    return refuse(400, `The base URL in ${PROXY_BASE_URL_HEADER} must not have a query (?…) or fragment (#…).`);
  }
  return { ok: true, url };
}

/** Why the raw base URL's path is unsafe (checked before the URL parser collapses it), or undefined. */
function basePathProblem(raw: string): string | undefined {
  const path = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\]*/i, '');
  if (path.includes('\\')) return 'contains "\\"';
  if (/%(2e|2f|5c)/i.test(path)) return 'contains a percent-encoded ".", "/" or "\\"';
  if (/(^|\/)\.\.?(\/|$)/.test(path)) return 'contains a "." or ".." segment';
  return undefined;
}

/** Why this path segment is unsafe, or undefined. Checks the segment as given and every percent-decoding of it. */
function segmentProblem(segment: string): string | undefined {
  let current = segment;
  for (let round = 0; round < 4; round++) {
    if (current === '') return 'it is empty';
    if (current === '.' || current === '..') return `it is or decodes to "${current}"`;
    if (current.includes('/')) return 'it contains or decodes to "/"';
    if (current.includes('\\')) return 'it contains or decodes to "\\"';
    if (/%2f|%5c/i.test(current)) return 'it contains an encoded "/" or "\\"';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(current)) return 'it contains control characters';
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return undefined; // a literal '%': it is sent encoded
    }
    if (decoded === current) return undefined;
    current = decoded;
  }
  return 'it is percent-encoded too many times';
}

/** Encodes a (decoded) path segment, keeping the characters model APIs use literally, e.g. `gemini-2.5-flash:generateContent`. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%(3A|40|2C|3B|3D|2B|24|26)/gi, (m) => decodeURIComponent(m));
}

/** A description of a loopback/private/link-local/unspecified host, or undefined for a public one. */
export function privateKind(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return ipv6Kind(host.slice(1, -1));
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return ipv4Kind(host.split('.').map(Number));
  if (host === 'localhost' || host.endsWith('.localhost')) return 'a loopback name';
  if (host.endsWith('.internal')) return 'an internal name';
  if (host.endsWith('.local') || host.endsWith('.home.arpa')) return 'a local network name';
  if (!host.includes('.')) return 'a single-label (local network) name';
  return undefined;
}

function ipv4Kind(octets: number[]): string | undefined {
  const [a = 0, b = 0] = octets;
  if (a === 0) return 'an unspecified address';
  if (a === 127) return 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a >= 224) return 'a multicast or reserved address';
  return undefined;
}

function ipv6Kind(literal: string): string | undefined {
  const groups = parseIPv6(literal);
  if (!groups) return 'an IPv6 address';
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  if (groups.every((g) => g === 0)) return 'an unspecified address';
  if (groups.slice(0, 7).every((g) => g === 0) && g7 === 1) return 'a loopback address';
  if (groups.slice(0, 5).every((g) => g === 0) && (g5 === 0xffff || g5 === 0)) return ipv4Kind(embedded); // IPv4-mapped / -compatible
  if (g0 === 0x64 && g1 === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return ipv4Kind(embedded); // NAT64
  if ((g0 & 0xfe00) === 0xfc00) return 'a private (unique local) address';
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0 & 0xffc0) === 0xfec0) return 'a site-local address';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address';
  return undefined;
}

/** The WHATWG URL parser already canonicalised the literal: hex groups with at most one `::`. */
function parseIPv6(literal: string): number[] | undefined {
  const halves = literal.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<number>(Math.max(fill, 0)).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

/** Request headers passed upstream; everything else (cookie, host, origin, x-forwarded-*, user-agent, ...) is dropped. */
const REQUEST_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'x-api-key',
  'anthropic-version',
  'anthropic-beta',
  'x-goog-api-key',
  'openai-organization',
  'openai-project',
  'http-referer',
  'x-title',
];

/**
 * The headers sent upstream: the allowed ones as the caller sent them (its own key unchanged), plus the server key
 * when one is given (the caller brought no credential header; see proxy-credentials.ts).
 */
export function forwardRequestHeaders(incoming: Headers, provider: ProxyProvider, serverKey: string | undefined): Headers {
  const out = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) out.set(name, value);
  }
  if (serverKey && !CREDENTIAL_HEADERS.some((name) => out.has(name))) addServerKey(out, provider, serverKey);
  return out;
}

const RESPONSE_HEADERS = ['content-type', 'retry-after', 'retry-after-ms', 'x-request-id', 'request-id', 'cache-control'];
const RESPONSE_HEADER_PREFIXES = ['x-ratelimit-', 'anthropic-ratelimit-'];

/** Response headers passed back to the browser; never set-cookie, content-encoding or content-length (the body is re-streamed). */
export function forwardResponseHeaders(upstream: Headers): Headers {
  const out = new Headers();
  upstream.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (RESPONSE_HEADERS.includes(lower) || RESPONSE_HEADER_PREFIXES.some((p) => lower.startsWith(p))) out.set(lower, value);
  });
  return out;
}
