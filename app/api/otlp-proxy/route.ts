// The OTLP proxy: sends a run's OTLP/protobuf to an endpoint the operator allows (OTLP_PROXY_ALLOWED_HOSTS, default
// loopback only) when the browser cannot reach it. All rules live in lib/trace/otlp-proxy.ts.
import { handleOtlpProxyRequest, otlpProxyEnvFrom } from '@/lib/trace/otlp-proxy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function proxy(request: Request): Promise<Response> {
  return handleOtlpProxyRequest(request, otlpProxyEnvFrom(process.env));
}

export { proxy as GET, proxy as POST, proxy as PUT, proxy as DELETE, proxy as OPTIONS };
