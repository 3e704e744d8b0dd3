// The loopback MCP test server on its own, for browser tests (a Playwright webServer) and for trying the app by hand:
//   npx tsx scripts/mcp-test-server.ts --port 3921 [--token secret]
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

const server = await startMcpTestServer({ port, token: option('token') });
console.log(`MCP test server on ${server.url}`);
console.log(`  SSE: ${server.sseUrl}`);
console.log(`  needs a Bearer token: ${server.secureUrl}`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
