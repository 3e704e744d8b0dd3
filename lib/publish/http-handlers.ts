// The publish API over HTTP: Requests in, JSON Responses out. The route files under app/api/playgrounds call these.
import { publishServer, type PublishServer } from './publish-server';
import { readTextCapped } from '../share/read-capped';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** POST /api/playgrounds */
export async function handlePublish(request: Request): Promise<Response> {
  return withServer(async ({ config, service }) => {
    const origin = publicOrigin(request, config.trustProxy);
    // JSON only: a form on another site can send text/plain or form data without asking, but not application/json
    // (the browser asks first, and this server does not allow it), so no page can publish through its visitors.
    if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
      return json(415, { error: 'Send the playground as JSON, with the header Content-Type: application/json.' });
    }
    const decision = await service.admit(clientAddress(request.headers, config.trustProxy));
    if (!decision.allowed) return json(429, { error: decision.error }, { 'retry-after': String(decision.retryAfterSeconds) });
    const text = await readTextCapped(request, config.maxBytes);
    if (text === null) {
      return json(413, { error: `The playground is more than ${describeBytes(config.maxBytes)} of JSON; publishing takes at most ${describeBytes(config.maxBytes)}. Share it as a file instead.` });
    }
    if (text === undefined) return json(400, { error: 'The request body could not be read as UTF-8 text.', problems: [] });
    const outcome = await service.publish(text);
    if (outcome.kind === 'invalid') return json(400, { error: outcome.error, problems: outcome.problems });
    if (outcome.kind === 'collision') return json(409, { error: 'A different playground is already published under this content id. Change anything in it (its title, say) and publish again.' });
    const url = `${origin}/p/${outcome.id}`;
    return outcome.kind === 'created' ? json(201, { id: outcome.id, url, deleteToken: outcome.deleteToken }) : json(200, { id: outcome.id, url });
  });
}

/** GET /api/playgrounds/<id> */
export async function handleFetch(id: string): Promise<Response> {
  return withServer(async ({ service }) => {
    const outcome = await service.fetch(id);
    if (outcome.kind === 'bad-id') return badId();
    if (outcome.kind === 'not-found') return notFound();
    return new Response(outcome.payload, { status: 200, headers: JSON_HEADERS });
  });
}

/** DELETE /api/playgrounds/<id> with X-Delete-Token */
export async function handleUnpublish(request: Request, id: string): Promise<Response> {
  return withServer(async ({ service }) => {
    const token = request.headers.get('x-delete-token');
    const outcome = await service.unpublish(id, token);
    if (outcome === 'bad-id') return badId();
    if (outcome === 'not-found') return notFound();
    if (outcome === 'forbidden') {
      return json(403, { error: token ? 'This delete token does not belong to this playground.' : 'Unpublishing needs the X-Delete-Token header the publish gave.' });
    }
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  });
}

/**
 * Route handlers get no socket address. Behind a reverse proxy you run (PUBLISH_TRUST_PROXY=1) the first
 * x-forwarded-for entry is the client; otherwise that header is anyone's to forge, so every client shares one
 * bucket, `local` (right for the default loopback server).
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (!trustProxy) return 'local';
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return first ? first.slice(0, 100) : 'local';
}

/**
 * The origin the client used, for the absolute `url`: its Host header (Next's request.url names the address it
 * listens on, "localhost", not the one the client used). Behind a trusted proxy, X-Forwarded-Host and -Proto.
 */
export function publicOrigin(request: Request, trustProxy: boolean): string {
  const own = new URL(request.url);
  const first = (name: string) => request.headers.get(name)?.split(',')[0]?.trim();
  const host = (trustProxy && first('x-forwarded-host')) || request.headers.get('host');
  const proto = (trustProxy && first('x-forwarded-proto')) || own.protocol.replace(/:$/, '');
  // Only what a host can be: the value is echoed back in the answer.
  if (!host || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) || !/^https?$/.test(proto)) return own.origin;
  return `${proto}://${host}`;
}

async function withServer(handle: (server: PublishServer) => Promise<Response>): Promise<Response> {
  let server: PublishServer;
  try {
    server = await publishServer();
  } catch (error) {
    console.error(`Publish database could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    return json(503, { error: 'Publishing is unavailable: the server could not open its database. Try again later; hash links still work.' });
  }
  try {
    return await handle(server);
  } catch (error) {
    console.error(`Publish database error: ${error instanceof Error ? error.message : String(error)}`);
    return json(503, { error: 'Publishing is unavailable: the server’s database failed. Try again later; hash links still work.' });
  }
}

function badId(): Response {
  return json(400, { error: 'This is not a published playground id (12 characters of A–Z, a–z, 0–9, “_” and “-”).' });
}

function notFound(): Response {
  return json(404, { error: 'No published playground has this id: it was never published, or it was unpublished.' });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
