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
