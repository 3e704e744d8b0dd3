// The model proxy: the browser calls model providers through this server. All rules live in lib/models/proxy-*.
import { handleProxyRequest } from '@/lib/models/proxy-handler';
import { proxyEnvFrom } from '@/lib/models/proxy-policy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface ProxyRouteContext {
  params: Promise<{ provider: string; path: string[] }>;
}

async function proxy(request: Request, context: ProxyRouteContext): Promise<Response> {
  const { provider, path } = await context.params;
  return handleProxyRequest(request, { provider, path }, proxyEnvFrom(process.env));
}

export async function GET(request: Request, context: ProxyRouteContext): Promise<Response> {
  return proxy(request, context);
}

export async function POST(request: Request, context: ProxyRouteContext): Promise<Response> {
  return proxy(request, context);
}
