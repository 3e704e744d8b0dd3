// Whether an MCP server answers at all, asked of this app's MCP proxy, which CORS doesn't stop: how a browser tells a
// server that refuses the page (CORS) from one that is down. Only for hosts the operator lets the proxy reach.
import { PROXY_MARK_HEADER } from '../../models/proxy-unreachable';

/** true: it answered (anything); false: the proxy could not reach it; undefined: the proxy may not ask (host not allowed). */
export async function reachableThroughProxy(url: string, proxyFetch: typeof fetch): Promise<boolean | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5_000);
  try {
    // The headers are the answer: an event stream the server opens is not read.
    const response = await proxyFetch(url, { method: 'GET', headers: { accept: 'application/json, text/event-stream' }, signal: controller.signal });
    const mark = response.headers.get(PROXY_MARK_HEADER);
    if (mark === 'unreachable') return false;
    if (mark === 'refused') return undefined;
    return true;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
