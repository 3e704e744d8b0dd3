// A run whose MCP server can't be used from the page says why, naming the server. The page alone can't tell CORS from a
// server that is down (it is cross-origin isolated: not even a no-cors request gets through); the app's MCP proxy can,
// for the hosts it may reach (MCP_PROXY_ALLOWED_HOSTS in playwright.config.ts has 3922 and 3923); for others the
// message names both causes.
import { createServer, type Server } from 'node:http';
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { ADD_TOOL, openWithPlayground } from './support';

/** Allowed for the app's MCP proxy: the server without CORS headers, and a port where nothing listens. */
const NO_CORS_PORT = 3922;
const DOWN_PORT = 3923;

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Answers everything, but without any Access-Control-* header. */
function withoutCors(): Server {
  return createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
}

const withServer = (url: string) => ({
  version: 1 as const,
  task: 'Use the weather server.',
  tools: ADD_TOOL,
  mcpServers: [{ name: 'weather', url }],
  model: { provider: 'replay' as const, responses: ['Thought: go.\n```js\nfinal_answer(await get_forecast({ city: "Paris" }))\n```'] },
});

async function runAndReadError(page: import('@playwright/test').Page, url: string) {
  await openWithPlayground(page, withServer(url));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const notice = page.getByTestId('start-error');
  await expect(notice).toContainText('The run could not start:', { timeout: 30_000 });
  return notice;
}

test.beforeEach(({ offlineGuard }) => offlineGuard.allowConsoleErrors(/CORS|Failed to load resource|net::ERR_FAILED|ERR_CONNECTION_REFUSED/));

test('a server that does not allow the page is explained as CORS, with the headers to set', async ({ page }) => {
  const server = withoutCors();
  await listen(server, NO_CORS_PORT);
  try {
    const notice = await runAndReadError(page, `http://127.0.0.1:${NO_CORS_PORT}/mcp`);
    await expect(notice).toContainText(`the MCP server 'weather' at http://127.0.0.1:${NO_CORS_PORT}/mcp answers, but does not allow calls from this page`);
    await expect(notice).toContainText(`Access-Control-Allow-Origin: ${new URL(page.url()).origin} (or *)`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a server that is down is said to be unreachable, naming it', async ({ page }) => {
  const notice = await runAndReadError(page, `http://127.0.0.1:${DOWN_PORT}/mcp`);
  await expect(notice).toContainText(`Could not reach the MCP server 'weather' at http://127.0.0.1:${DOWN_PORT}/mcp: the server is not running`);
  await expect(notice).not.toContainText('CORS');
  await notice.getByRole('button', { name: 'Show the MCP servers' }).click();
  await expect(page.getByRole('heading', { name: 'MCP servers' })).toBeVisible();
});

test('where the proxy may not look, both causes are named, with the CORS headers to set', async ({ page }) => {
  const server = withoutCors();
  const port = await listen(server);
  try {
    const notice = await runAndReadError(page, `http://127.0.0.1:${port}/mcp`);
    await expect(notice).toContainText(`The browser could not reach the MCP server 'weather' at http://127.0.0.1:${port}/mcp, and browsers hide the reason`);
    await expect(notice).toContainText('or it does not allow calls from this page');
    await expect(notice).toContainText('Access-Control-Allow-Origin:');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
