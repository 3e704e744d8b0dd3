// A fetch for the MCP SDK's transports that sends every request to this app's MCP proxy instead of the MCP server,
// with the server's address in a header. Every request, the old SSE transport's POSTs to the endpoint the server
// named included, so the transports need not know about the proxy.
import { MCP_PROXY_PATH, MCP_TARGET_HEADER } from './mcp-proxy-policy';

export function mcpProxyFetch(pageOrigin: string, baseFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)): typeof fetch {
  const endpoint = `${pageOrigin.replace(/\/+$/, '')}${MCP_PROXY_PATH}`;
  return async (input, init) => {
    if (input instanceof Request) {
      // A Request's body is a stream; MCP messages are small JSON, so read it rather than pass a stream on.
      const request = new Request(input, init);
      const headers = new Headers(request.headers);
      headers.set(MCP_TARGET_HEADER, request.url);
      const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
      return baseFetch(endpoint, { method: request.method, headers, body, signal: request.signal, redirect: request.redirect, credentials: 'omit' });
    }
    const headers = new Headers(init?.headers);
    headers.set(MCP_TARGET_HEADER, new URL(input).href);
    // No cookies of this app go along: the proxy would drop them anyway.
    return baseFetch(endpoint, { ...init, headers, credentials: 'omit' });
  };
}
