// POST /api/playgrounds: publish a playground (and optionally its run); docs/sharing.md, "HTTP API".
import { handlePublish } from '@/lib/publish/http-handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handlePublish(request);
}
