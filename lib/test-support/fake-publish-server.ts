// A stand-in for the publish API's read side on loopback: `GET /api/playgrounds/<id>` answers the stored payload,
// 404 for any other id, and can be told to answer with a body of any size.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePublishServer {
  url: string;
  /** Stores a payload (as the server's JSON) under `id`. */
  publish: (id: string, payload: unknown) => void;
  /** Answers `id` with this raw body instead. */
  answerRaw: (id: string, body: string) => void;
  requests: string[];
  close: () => Promise<void>;
}

export async function startFakePublishServer(): Promise<FakePublishServer> {
  const bodies = new Map<string, string>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const match = /^\/api\/playgrounds\/([^/?]+)$/.exec(req.url ?? '');
    const body = match && req.method === 'GET' ? bodies.get(decodeURIComponent(match[1]!)) : undefined;
    res.setHeader('access-control-allow-origin', '*');
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'No playground is published with this id.' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    publish: (id, payload) => bodies.set(id, JSON.stringify(payload)),
    answerRaw: (id, body) => bodies.set(id, body),
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
