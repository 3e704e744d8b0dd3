// What the settings page may know about the model proxy: which fixed providers have a server-side key, the extra
// hosts the operator allowed and whether each gets a key (booleans and variable names, never the keys), and warnings.
import { proxyEnvFrom } from '@/lib/models/proxy-env';
import { proxyStatus } from '@/lib/models/proxy-status';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(proxyStatus(proxyEnvFrom(process.env)), {
    headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' },
  });
}
