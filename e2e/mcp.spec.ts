// MCP servers in the app: added in Settings, listed with their tools, shown to the model, called from a run, a token kept
// out of every link and document, and a shared playground's server left alone until its review is accepted. The real
// loopback MCP server (scripts/mcp-test-server.ts) is started by Playwright on 3921 and counts every request it gets.
import type { Page } from '@playwright/test';
import { playgroundSchema, type PlaygroundInput } from '../lib/playground/schema';
import { decodeShareHash, encodeShareHash } from '../lib/share/share-link';
import { forecastFor } from '../lib/test-support/mcp-test-server';
import { connectMcpServers } from '../lib/mcp/connect';
import { runToEnd } from '../lib/test-support/playgrounds';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground, STORAGE_KEY } from './support';

const MCP = 'http://127.0.0.1:3921';
const TOKEN = 'mcp-secret-token';
const TOOL_COUNT = 8;

const OWN: PlaygroundInput = { version: 1, title: 'Weather desk', task: 'What is the weather in Paris?', tools: ADD_TOOL };

/** How many requests the MCP server has had so far. */
async function mcpRequests(page: Page): Promise<number> {
  const answer = await page.request.get(`${MCP}/requests`);
  return ((await answer.json()) as { count: number }).count;
}

async function openSettings(page: Page) {
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'MCP servers' })).toBeVisible();
}

async function addServer(page: Page, name: string, url: string) {
  const form = page.getByRole('form', { name: 'Add an MCP server' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('URL').fill(url);
  await form.getByLabel('Transport').selectOption({ label: 'Streamable HTTP' });
  await form.getByRole('button', { name: 'Add server' }).click();
}

const serverGroup = (page: Page, name: string) => page.getByRole('group', { name: `MCP server ${name}` });

test('a loopback MCP server added in Settings connects, lists its tools with their parameters, and the Tools tab shows them marked with it', async ({ page }) => {
  await openWithPlayground(page, OWN);
  await openSettings(page);

  // Bad input is refused with the schema's rule, and stays in the form.
  await addServer(page, 'my weather', `${MCP}/mcp`);
  const form = page.getByRole('form', { name: 'Add an MCP server' });
  await expect(form).toContainText('Must be a valid JavaScript identifier');
  await expect(form.getByLabel('URL')).toHaveValue(`${MCP}/mcp`);
  await expect(page.getByTestId('mcp-server')).toHaveCount(0);

  await addServer(page, 'weather', `${MCP}/mcp`);
  const server = serverGroup(page, 'weather');
  await server.getByRole('button', { name: 'Connect' }).click();
  await expect(server.getByTestId('mcp-status')).toHaveText(`Connected · ${TOOL_COUNT} tools`);
  const forecast = server.getByTestId('mcp-tool').filter({ hasText: 'get_forecast' });
  await expect(forecast).toContainText('Gets the weather forecast for a city.');
  const params = forecast.getByRole('table', { name: 'Parameters of get_forecast' });
  await expect(params.getByRole('row')).toHaveText([/Parameter\s*Type\s*Description/, /city\s*string\s*The city/, /days\?\s*number/, /unit\?\s*"celsius" \| "fahrenheit"/]);
  await expect(server.getByRole('checkbox', { name: 'get_forecast' })).toBeChecked();

  // Unticking a tool writes the allow-list; the Tools tab then leaves it out.
  await server.getByRole('checkbox', { name: 'sum_numbers' }).uncheck();
  await expect(server.getByTestId('mcp-status')).toHaveText(`Connected · ${TOOL_COUNT} tools (${TOOL_COUNT - 1} allowed)`);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).state.doc.mcpServers, STORAGE_KEY);
  expect(stored[0].tools).not.toContain('sum_numbers');
  expect(stored[0].tools).toContain('get_forecast');

  await page.getByRole('tab', { name: 'Tools' }).click();
  const list = page.getByRole('region', { name: 'Tools as the model sees them' });
  await expect(list.getByRole('heading')).toHaveText(`Tools as the model sees them (${1 + TOOL_COUNT - 1})`);
  const item = list.getByTestId('tool-item').filter({ hasText: 'get_forecast' });
  await expect(item.getByTestId('mcp-badge')).toHaveText('MCP · weather');
  await expect(item.getByTestId('tool-signature')).toContainText('async get_forecast(args: {');
  await expect(list.getByTestId('tool-item').filter({ hasText: 'sum_numbers' })).toHaveCount(0);
  await expect(list.getByTestId('tool-item').filter({ hasText: /^add\(/ }).getByTestId('mcp-badge')).toHaveCount(0);

  // The Prompt tab counts each MCP tool.
  await page.getByRole('tab', { name: 'Prompt' }).click();
  await expect(page.getByTestId('prompt-section').filter({ hasText: 'get_forecast' })).toContainText('MCP tool');
  await expect(page.getByTestId('system-prompt')).toContainText("Tools of the MCP server 'weather'");

  // Another route is another connection: the server is listed afresh, through this app's server.
  await openSettings(page);
  await server.getByLabel('Route').selectOption({ label: 'Through this app’s server' });
  await expect(server.getByTestId('mcp-status')).toHaveText(`Connected · ${TOOL_COUNT} tools (${TOOL_COUNT - 1} allowed)`);
  const route = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).state.doc.mcpServers[0].via, STORAGE_KEY);
  expect(route).toBe('proxy');
});

test('a CodeAgent calls two MCP tools in one step: the timeline shows both calls with the server, arguments and results, and the answer', async ({ page }) => {
  const code = [
    'const forecast = await get_forecast({ city: "Paris" });',
    'const total = await sum_numbers({ numbers: [1, 2, 3] });',
    'final_answer(`${forecast}; total ${total}`);',
  ].join('\n');
  await openWithPlayground(page, {
    ...OWN,
    mcpServers: [{ name: 'weather', url: `${MCP}/mcp` }],
    model: { provider: 'replay', responses: [fence(code, 'Thought: ask the weather server.')], delayMs: 0 },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText(`Paris: ${forecastFor('Paris')}; total 6`, { timeout: 20_000 });

  const calls = page.getByTestId('tool-call');
  await expect(calls).toHaveCount(2);
  await expect(calls.nth(0).getByTestId('tool-call-server')).toHaveText('MCP · weather');
  await expect(calls.nth(0).getByTestId('tool-call-name')).toHaveText('get_forecast');
  await expect(calls.nth(0).getByTestId('tool-call-args')).toContainText('Paris');
  await expect(calls.nth(0).getByTestId('tool-call-result')).toContainText(`Paris: ${forecastFor('Paris')}`);
  await expect(calls.nth(1).getByTestId('tool-call-server')).toHaveText('MCP · weather');
  await expect(calls.nth(1).getByTestId('tool-call-name')).toHaveText('sum_numbers');
  await expect(calls.nth(1).getByTestId('tool-call-args')).toContainText(/\[1, ?2, ?3\]/);
  await expect(calls.nth(1).getByTestId('tool-call-result')).toContainText('6');
});

test('a server that wants a token says so, connects with the token, and the token is in neither the share link nor the stored document', async ({ page, offlineGuard }) => {
  offlineGuard.allowConsoleErrors(/401|Unauthorized/i);
  await openWithPlayground(page, OWN);
  await openSettings(page);
  await addServer(page, 'secure', `${MCP}/secure/mcp`);
  const server = serverGroup(page, 'secure');
  await expect(server.getByTestId('mcp-status')).toContainText(/token/i);

  await server.getByLabel(`Token for ${MCP}`).fill(TOKEN);
  await server.getByRole('button', { name: 'Connect' }).click();
  await expect(server.getByTestId('mcp-status')).toHaveText(`Connected · ${TOOL_COUNT} tools`);

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this playground' });
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(link).not.toContain(TOKEN);
  const decoded = decodeShareHash(new URL(link).hash);
  expect(decoded.ok && decoded.payload.playground.mcpServers.map((s) => s.url)).toEqual([`${MCP}/secure/mcp`]);
  expect(JSON.stringify(decoded)).not.toContain(TOKEN);
  const storedDoc = await page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY);
  expect(storedDoc).toContain('/secure/mcp');
  expect(storedDoc).not.toContain(TOKEN);
});

test('a shared link’s MCP server is listed for review, and nothing connects to it before Trust and enable', async ({ page }) => {
  await openWithPlayground(page, OWN);
  const shared = playgroundSchema.parse({
    version: 1,
    title: 'Weather from a friend',
    task: 'What is the weather in Oslo?',
    mcpServers: [{ name: 'weather', url: `${MCP}/mcp` }],
    model: { provider: 'replay', responses: [fence('final_answer(await get_forecast({ city: "Oslo" }))')], delayMs: 0 },
  });
  const before = await mcpRequests(page);
  await page.goto('about:blank');
  await page.goto(`/#${encodeShareHash({ playground: shared })}`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();

  const banner = page.getByTestId('shared-banner');
  await expect(banner.getByTestId('review-addresses')).toContainText(`${MCP}/mcp — MCP server ‘weather’`);
  await openSettings(page);
  const server = serverGroup(page, 'weather');
  await expect(server.getByTestId('mcp-status')).toContainText('accept its review');
  await expect(server.getByRole('button', { name: 'Connect' })).toBeDisabled();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-held')).toBeVisible();
  // The analysis worker has had time to list, had it been allowed to: it is ready (the Tools tab shows the source's tools).
  await page.getByRole('tab', { name: 'Tools' }).click();
  await expect(page.getByRole('region', { name: 'Tools as the model sees them' }).getByRole('heading')).toHaveText('Tools as the model sees them (0)');
  expect(await mcpRequests(page)).toBe(before);

  await banner.getByRole('button', { name: 'Trust and enable' }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(server.getByTestId('mcp-status')).toHaveText(`Connected · ${TOOL_COUNT} tools`);
  expect(await mcpRequests(page)).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText(`Oslo: ${forecastFor('Oslo')}`, { timeout: 20_000 });
});

test('a shared run shows its recorded MCP calls, with their server and results, without connecting to the server', async ({ page }) => {
  const shared = playgroundSchema.parse({
    version: 1,
    title: 'A recorded weather run',
    task: 'What is the weather in Lima?',
    mcpServers: [{ name: 'weather', url: `${MCP}/mcp` }],
    model: { provider: 'replay', responses: [fence('final_answer(await get_forecast({ city: "Lima" }))')], delayMs: 0 },
  });
  // Recorded here, in Node, against the same server: the link carries the run's events.
  const mcp = await connectMcpServers(shared.mcpServers);
  let events;
  try {
    ({ events } = await runToEnd(shared, { mcp }));
  } finally {
    await mcp.close();
  }
  await openWithPlayground(page, OWN);
  const before = await mcpRequests(page);
  await page.goto('about:blank');
  await page.goto(`/#${encodeShareHash({ playground: shared, run: { events } })}`);
  const call = page.getByTestId('tool-call').first();
  await expect(call.getByTestId('tool-call-server')).toHaveText('MCP · weather');
  await expect(call.getByTestId('tool-call-name')).toHaveText('get_forecast');
  await expect(call.getByTestId('tool-call-result')).toContainText(`Lima: ${forecastFor('Lima')}`);
  await expect(page.getByTestId('final-answer')).toContainText(forecastFor('Lima'));
  expect(await mcpRequests(page)).toBe(before);
});
