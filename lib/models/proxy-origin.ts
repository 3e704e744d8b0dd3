// Who may call the model proxy: the app's own pages. Another site must not spend the server's keys (or reach the
// operator's hosts) through a visitor's browser, and a caller that is no browser page must opt in.
import { ALLOW_NO_ORIGIN_ENV } from './proxy-env';

export interface Refusal {
  status: number;
  message: string;
}

/** How a refusal names the proxy, its opt-in variable and the way around it (the MCP proxy shares these rules). */
export interface ProxyNaming {
  proxy: string;
  allowNoOriginEnv: string;
  direct: string;
}

const MODEL_PROXY_NAMING: ProxyNaming = { proxy: 'The model proxy', allowNoOriginEnv: ALLOW_NO_ORIGIN_ENV, direct: 'Call the provider directly' };

/** The hosts this request was addressed to: the URL's, the Host header's and a reverse proxy's X-Forwarded-Host. */
function ownHosts(requestURL: string, headers: Headers): string[] {
  const hosts = [new URL(requestURL).host];
  for (const name of ['host', 'x-forwarded-host']) {
    const value = headers.get(name)?.split(',')[0]?.trim().toLowerCase();
    if (value) hosts.push(value);
  }
  return hosts;
}

/**
 * Refuses a browser call from another site: an Origin header that is not the app's own origin (host compared with the
 * request's URL and Host; `null` is never ours), or Sec-Fetch-Site cross-site or same-site.
 */
export function crossSiteRefusal(requestURL: string, headers: Headers, naming: ProxyNaming = MODEL_PROXY_NAMING): Refusal | undefined {
  const origin = headers.get('origin');
  if (origin !== null) {
    let host: string | undefined;
    try {
      const url = new URL(origin);
      if (url.protocol === 'http:' || url.protocol === 'https:') host = url.host;
    } catch {
      host = undefined;
    }
    if (!host || !ownHosts(requestURL, headers).includes(host)) {
      return {
        status: 403,
        message: `${naming.proxy} serves this app's own pages only; this call came from another origin (Origin: ${JSON.stringify(origin.slice(0, 100))}).`,
      };
    }
  }
  const site = headers.get('sec-fetch-site')?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') {
    return { status: 403, message: `${naming.proxy} serves this app's own pages only; this call came from another site (Sec-Fetch-Site: ${site}).` };
  }
  return undefined;
}

/**
 * Refuses a call with neither Origin nor Sec-Fetch-Site (not from a browser page, which sends Origin on every POST and
 * Sec-Fetch-Site on https and localhost) unless the operator opted in. A GET is held to the same rule when the proxy
 * would add a server key to it; a GET that brings its own key or gets none carries nothing of the server's.
 */
export function noOriginRefusal(
  method: string,
  headers: Headers,
  opts: { allowNoOrigin: boolean; usesServerKey: boolean },
  naming: ProxyNaming = MODEL_PROXY_NAMING,
): Refusal | undefined {
  if (opts.allowNoOrigin || headers.has('origin') || headers.has('sec-fetch-site')) return undefined;
  const reading = method === 'GET' || method === 'HEAD';
  if (reading && !opts.usesServerKey) return undefined;
  return {
    status: 403,
    message: `${naming.proxy} refuses ${reading ? 'a call that would use the server’s key' : `a ${method}`} without an Origin or Sec-Fetch-Site header (browsers send them; scripts and the CLI do not). ${naming.direct}, or let the server's operator allow such calls with ${naming.allowNoOriginEnv}=1.`,
  };
}
