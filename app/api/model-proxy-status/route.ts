// What the settings page may know about the model proxy: which providers have a server-side key (booleans, never the
// keys) and the extra hosts the operator allowed.
import { proxyEnvFrom, proxyStatus } from '@/lib/models/proxy-policy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(proxyStatus(proxyEnvFrom(process.env)), { headers: { 'cache-control': 'no-store' } });
}
