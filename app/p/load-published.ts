// Server side of /p/<id> and /embed/<id>: a published record, read through the API's own GET handler (in this
// process, no HTTP), so the pages answer exactly what GET /api/playgrounds/<id> answers.
import { PUBLISHED_ID_PATTERN } from '@/lib/share/published-id';
import { GET } from '../api/playgrounds/[id]/route';

export type LoadedRecord = { ok: true; payload: unknown } | { ok: false; status: number };

export async function loadPublished(id: string): Promise<LoadedRecord> {
  // Not of the id alphabet: no such record (the API says 400; the page says it does not exist).
  if (!PUBLISHED_ID_PATTERN.test(id)) return { ok: false, status: 404 };
  const response = await GET(new Request(`http://localhost/api/playgrounds/${id}`), { params: Promise.resolve({ id }) });
  if (response.status === 200) return { ok: true, payload: await response.json() };
  return { ok: false, status: response.status };
}

/** The record, or Next's not-found page (HTTP 404) when there is none; anything else is a server error. */
export async function publishedOrNotFound(id: string, notFound: () => never): Promise<unknown> {
  const record = await loadPublished(id);
  if (record.ok) return record.payload;
  if (record.status === 404 || record.status === 400) notFound();
  throw new Error(`the published playground could not be read (HTTP ${record.status})`);
}
