// GET / DELETE /api/playgrounds/<id>: a published playground, and unpublishing it with its delete token.
import { handleFetch, handleUnpublish } from '@/lib/publish/http-handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  return handleFetch((await params).id);
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handleUnpublish(request, (await params).id);
}
