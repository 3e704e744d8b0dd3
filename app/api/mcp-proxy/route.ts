// The MCP proxy: the page reaches MCP servers the operator allows (MCP_PROXY_ALLOWED_HOSTS) through this server. All
// rules live in lib/mcp/proxy/*.
import { handleMcpProxyRequest } from '@/lib/mcp/proxy/mcp-proxy-handler';
import { mcpProxyEnvFrom } from '@/lib/mcp/proxy/mcp-proxy-env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function proxy(request: Request): Promise<Response> {
  return handleMcpProxyRequest(request, mcpProxyEnvFrom(process.env));
}

// Every method goes to the handler, so the refusals (405) carry the same headers and log line as the rest.
export { proxy as GET, proxy as HEAD, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE, proxy as OPTIONS };
