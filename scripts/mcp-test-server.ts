// The loopback MCP test server on its own, for browser tests (a Playwright webServer) and for trying the app by hand:
//   npx tsx scripts/mcp-test-server.ts --port 3921 [--token secret] [--count-requests]
// --count-requests: every request is counted (GET /requests answers {"count": n}), so a browser test can check that a
// page contacted nothing; the server itself then listens on a free port behind a pass-through on --port.
import { createServer, request } from 'node:http';
import { startMcpTestServer } from '../lib/test-support/mcp-test-server';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`--${name} needs a value`);
    process.exit(2);
  }
  return value;
}

const portText = option('port') ?? '3921';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0-65535), not ${JSON.stringify(portText)}`);
  process.exit(2);
}

const counting = process.argv.includes('--count-requests');
const server = await startMcpTestServer({ port: counting ? 0 : port, token: option('token') });
const front = counting ? await countRequests(port, server.port) : undefined;
const origin = front ? `http://127.0.0.1:${port}` : server.origin;
console.log(`MCP test server on ${origin}/mcp`);
console.log(`  SSE: ${origin}/sse`);
console.log(`  needs a Bearer token: ${origin}/secure/mcp`);
if (front) console.log(`  requests so far: ${origin}/requests`);

/** A pass-through on `port` to the server on `target` that counts every request but its own GET /requests. */
async function countRequests(port: number, target: number) {
  let count = 0;
  const http = createServer((req, res) => {
    if (req.url === '/requests') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify({ count }));
    }
    count++;
    const forward = request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  return http;
}

const stop = () => {
  front?.closeAllConnections();
  front?.close();
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
