// The model proxy: the browser calls model providers through this server. All rules live in lib/models/proxy-*.
import { handleProxyRequest } from '@/lib/models/proxy-handler';
import { proxyEnvFrom } from '@/lib/models/proxy-env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface ProxyRouteContext {
  params: Promise<{ provider: string; path: string[] }>;
}

async function proxy(request: Request, context: ProxyRouteContext): Promise<Response> {
  const { provider, path } = await context.params;
  return handleProxyRequest(request, { provider, path }, proxyEnvFrom(process.env));
}

// Every method goes to the handler, so the refusals (405) carry the same headers and log line as the rest.
export { proxy as GET, proxy as HEAD, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE, proxy as OPTIONS };
