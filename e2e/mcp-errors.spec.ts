// A run whose MCP server can't be used from the page says why, naming the server. The page alone can't tell CORS from
// a server that is down (it is cross-origin isolated: not even a no-cors request gets through), so it names both.
import { createServer, type Server } from 'node:http';
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { ADD_TOOL, openWithPlayground } from './support';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

const withServer = (url: string) => ({
  version: 1 as const,
  task: 'Use the weather server.',
  tools: ADD_TOOL,
  mcpServers: [{ name: 'weather', url }],
  model: { provider: 'replay' as const, responses: ['Thought: go.\n```js\nfinal_answer(await get_forecast({ city: "Paris" }))\n```'] },
});

test('a server that does not allow the page: both causes are named, with the CORS headers to set', async ({ page, offlineGuard }) => {
  offlineGuard.allowConsoleErrors(/CORS|Failed to load resource|net::ERR_FAILED/);
  // Answers everything, but without any Access-Control-* header.
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  const port = await listen(server);
  try {
    await openWithPlayground(page, withServer(`http://127.0.0.1:${port}/mcp`));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const notice = page.getByTestId('start-error');
    await expect(notice).toContainText("The run could not start: The browser could not reach the MCP server 'weather' at", { timeout: 30_000 });
    await expect(notice).toContainText('browsers hide the reason');
    await expect(notice).toContainText('or it does not allow calls from this page');
    await expect(notice).toContainText(`Access-Control-Allow-Origin: ${new URL(page.url()).origin}`);
    expect(requests).toBeGreaterThan(0);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a server that is down: the message names it and says it may not be running', async ({ page, offlineGuard }) => {
  offlineGuard.allowConsoleErrors(/ERR_CONNECTION_REFUSED|Failed to load resource|net::ERR_FAILED/);
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  await openWithPlayground(page, withServer(`http://127.0.0.1:${port}/mcp`));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('start-error')).toContainText(
    `The browser could not reach the MCP server 'weather' at http://127.0.0.1:${port}/mcp, and browsers hide the reason. Either the server is not running`,
    { timeout: 30_000 },
  );
});
