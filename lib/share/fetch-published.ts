// Reads a published playground from the app's publish API (`GET <base>/api/playgrounds/<id>`), checked exactly as a
// share link is: the same size cap (reading stops past it), nesting and list limits, schema and secret refusal.
import { readTextCapped } from './read-capped';
import { decodePayloadJson, type SharePayload } from './share-link';
import { describeLimitProblem, parseJsonWithinLimits, STRUCTURAL_LIMITS } from './structural-limits';

export type PublishedResult = { ok: true; payload: SharePayload } | { ok: false; message: string };

export interface FetchPublishedOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

const WORDING = { subject: 'This published playground', plural: 'published playgrounds' };

export async function fetchPublished(baseUrl: string, id: string, options: FetchPublishedOptions = {}): Promise<PublishedResult> {
  const base = baseUrl.replace(/\/+$/, '');
  const address = `${base}/api/playgrounds/${encodeURIComponent(id)}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(address, { headers: { accept: 'application/json' }, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, message: 'Loading the published playground was stopped.' };
    return { ok: false, message: `Could not reach ${base} to read the published playground ${id} (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (response.status === 404) return { ok: false, message: `No playground is published as ${id} at ${base}: it was never published there, or it was unpublished.` };
  if (response.status === 400) return { ok: false, message: `${base} says ${id} is not a valid published id.` };
  if (!response.ok) return { ok: false, message: `${base} answered ${response.status} ${response.statusText} when asked for the published playground ${id}. Try again later.` };
  const text = await readTextCapped(response, STRUCTURAL_LIMITS.maxJsonBytes);
  if (text === null) return { ok: false, message: `${describeLimitProblem({ limit: 'size', bytes: STRUCTURAL_LIMITS.maxJsonBytes + 1, max: STRUCTURAL_LIMITS.maxJsonBytes }, WORDING)} It was refused.` };
  if (text === undefined) return { ok: false, message: `The answer from ${base} for ${id} could not be read to the end. Try again.` };
  const parsed = parseJsonWithinLimits(text, WORDING);
  if (!parsed.ok) return { ok: false, message: parsed.problem ? `${parsed.message} It was refused.` : `The answer from ${base} for ${id} is not a published playground (${parsed.message})` };
  const decoded = decodePayloadJson(parsed.json);
  if (!decoded.ok) return { ok: false, message: decoded.message.replace(/this share link|this link/gi, 'this published playground') };
  return decoded;
}
