// The tools' fetch: only http(s), only to the hosts the playground allows.
import type { NetworkPolicy } from '../types';

export function hostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  const host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  return allowedHosts.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith('*.')) {
      const base = p.slice(2);
      return url.hostname.endsWith(`.${base}`) || host.endsWith(`.${base}`);
    }
    return p === host || p === url.hostname;
  });
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** Whether `url` reaches the server at `origin` (loopback names are one machine: localhost:3000 is 127.0.0.1:3000). */
export function sameServer(url: URL, origin: string): boolean {
  let other: URL;
  try {
    other = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== other.protocol || effectivePort(url) !== effectivePort(other)) return false;
  return url.hostname === other.hostname || (LOOPBACK.test(url.hostname) && LOOPBACK.test(other.hostname));
}

/**
 * Whether an allowed-host entry (`host`, `host:port`, `*.domain`) names the app's own `host[:port]` (location.host).
 * An entry without a port lets the tools reach every port of that host, so it names the app whatever the app's port.
 */
export function isAppHost(entry: string, appHost: string): boolean {
  const [entryHost, entryPort] = splitHostPort(entry.toLowerCase());
  const [appName, appPort] = splitHostPort(appHost.toLowerCase());
  const sameName = entryHost === appName || (LOOPBACK.test(entryHost) && LOOPBACK.test(appName)) || (entryHost.startsWith('*.') && appName.endsWith(entryHost.slice(1)));
  if (!sameName) return false;
  if (entryPort === undefined) return true;
  return appPort === undefined ? entryPort === '80' || entryPort === '443' : entryPort === appPort;
}

function splitHostPort(hostPort: string): [string, string | undefined] {
  const m = /^(.*?)(?::(\d+))?$/.exec(hostPort)!;
  return [m[1]!, m[2]];
}

export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FetchResponse {
  status: number;
  statusText: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const MAX_BODY = 5_000_000;

export async function policyFetch(policy: NetworkPolicy | undefined, request: FetchRequest, signal: AbortSignal): Promise<FetchResponse> {
  if (!policy) throw new Error('network access is off for this playground; allow hosts in its sandbox settings to let tools use fetch');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new TypeError(`fetch: invalid URL ${JSON.stringify(request.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`fetch: only http and https are allowed, not ${url.protocol}`);
  if (policy.refusedOrigins?.some((origin) => sameServer(url, origin))) {
    throw new Error(`fetch: ${url.host} is this app's own address; the tools may never call the app itself, whatever the allowed hosts say`);
  }
  if (!hostAllowed(url, policy.allowedHosts)) {
    const list = policy.allowedHosts.length ? policy.allowedHosts.join(', ') : 'none';
    throw new Error(`fetch: ${url.host} is not an allowed host (allowed: ${list})`);
  }
  const doFetch = policy.fetch ?? globalThis.fetch;
  const response = await doFetch(url.href, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    signal,
    redirect: 'error',
  });
  let body = await response.text();
  if (body.length > MAX_BODY) body = body.slice(0, MAX_BODY);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
  return { status: response.status, statusText: response.statusText, url: response.url || url.href, headers, body };
}
