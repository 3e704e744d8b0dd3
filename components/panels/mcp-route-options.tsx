// The choices of how an MCP server is reached: its transport, and whether the browser calls it or this app's server does.
import type { McpServerSettings } from '@/lib/playground/schema';

export type McpTransport = McpServerSettings['transport'];
export type McpRoute = McpServerSettings['via'];

export function TransportOptions() {
  return (
    <>
      <option value="streamable-http">Streamable HTTP</option>
      <option value="sse">SSE (older servers)</option>
    </>
  );
}

export function RouteOptions() {
  return (
    <>
      <option value="browser">From this browser (needs CORS)</option>
      <option value="proxy">Through this app’s server</option>
    </>
  );
}
