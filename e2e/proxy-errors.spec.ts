// Errors that blame the right side (issue 11, point 5): the app's server failing to reach a model server is said as
// that, never as the provider's error, and is not retried; a server that refuses the page's origin is said as CORS.
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../lib/test-support/fake-openai-server';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground } from './support';

// playwright.config.ts lets the proxy call this host, and nothing listens there: the connection is refused.
const NOBODY = '127.0.0.1:3919';
// The fake server is on a port the page may call directly; it answers with CORS headers unless told not to.
const FAKE_PORT = 3917;

let fake: FakeOpenAIServer;
test.beforeAll(async () => {
  fake = await startFakeOpenAIServer({ port: FAKE_PORT, models: ['fake-coder'] });
});
test.afterAll(async () => {
  await fake?.close();
});
test.beforeEach(() => fake.reset());

const runButton = (page: import('@playwright/test').Page) => page.getByRole('banner').getByRole('button', { name: 'Run', exact: true });

test('through the app’s server, a host that refuses the connection is the server’s failure, said so, and tried once', async ({ page, offlineGuard }) => {
  // The proxy's own 502, which Chromium logs by itself.
  offlineGuard.allowConsoleErrors(/Failed to load resource: the server responded with a status of 502\b/);
  const proxied: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/model-proxy/')) proxied.push(`${request.method()} ${url.pathname}`);
  });
  await openWithPlayground(page, {
    version: 1,
    title: 'Nobody home',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    model: { provider: 'openai-compatible', preset: 'custom', baseURL: `http://${NOBODY}/v1`, model: 'fake-coder', via: 'proxy' },
  });
  await runButton(page).click();

  await expect(page.getByTestId('run-status')).toHaveText('Failed', { timeout: 20_000 });
  const error = page.getByTestId('step-error');
  await expect(error).toContainText(`The app's server could not reach ${NOBODY} (connection refused).`);
  await expect(error).toContainText(`Nothing answers at ${NOBODY} as seen from the app's server`);
  await expect(error).toContainText("so this is not on the provider's side, and the call was not retried.");
  await expect(error).not.toContainText('had a server error');
  // One attempt: no retry noted on the step, and the proxy was asked once.
  await expect(page.getByTestId('step-retry')).toHaveCount(0);
  expect(proxied.filter((p) => p.endsWith('/chat/completions'))).toEqual(['POST /api/model-proxy/openai-compatible/chat/completions']);
});

test('straight from the browser, a server that does not allow the page’s origin is explained as CORS, and nothing is retried', async ({ page, offlineGuard }) => {
  offlineGuard.allowConsoleErrors(/blocked by CORS policy/, /net::ERR_FAILED/);
  await openWithPlayground(page, {
    version: 1,
    title: 'No CORS',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    model: { provider: 'openai-compatible', preset: 'custom', baseURL: `http://127.0.0.1:${FAKE_PORT}/v1`, model: 'fake-coder' },
  });
  // The fake answers the chat call without Access-Control-* headers, as a server that allows no other page does.
  fake.fault({ kind: 'no-cors' });
  fake.reply({ text: fence('final_answer(add(2, 3))') });
  await runButton(page).click();

  await expect(page.getByTestId('run-status')).toHaveText('Failed', { timeout: 20_000 });
  const error = page.getByTestId('step-error');
  const origin = new URL(page.url()).origin;
  await expect(error).toContainText(`could not reach the OpenAI-compatible server at http://127.0.0.1:${FAKE_PORT}/v1`);
  await expect(error).toContainText(`it does not allow calls from this page (${origin}) — CORS: check that the server allows calls from this page’s origin (CORS).`);
  await expect(error).not.toContainText("provider's side");
  await expect(page.getByTestId('step-retry')).toHaveCount(0);
  // Once: the answer lacked Access-Control-Allow-Origin, so the page could not read it, and the call was not retried.
  // (Playwright's request interception answers preflights itself, so the call reaches the fake either way.)
  expect(fake.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
});

test('straight from the browser with no network, OpenAI is not blamed for CORS: the message says it answers browsers', async ({ page, offlineGuard }) => {
  // The guard refuses every call that would leave 127.0.0.1, as a computer without network does; this one is expected.
  offlineGuard.allowExternal(/^https:\/\/api\.openai\.com\//);
  offlineGuard.allowConsoleErrors(/net::ERR_FAILED/);
  await openWithPlayground(page, { version: 1, title: 'Offline', task: 'Add 2 and 3.', tools: ADD_TOOL, model: { provider: 'openai', model: 'gpt-4.1-mini' } });
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByTestId('model-settings').getByLabel('API key').fill('sk-test-OFFLINE-1234567890');
  await runButton(page).click();

  await expect(page.getByTestId('run-status')).toHaveText('Failed', { timeout: 20_000 });
  const error = page.getByTestId('step-error');
  await expect(error).toContainText('The browser could not reach OpenAI at https://api.openai.com/v1');
  await expect(error).toContainText('OpenAI answers calls from browsers (CORS allows any page), so CORS is not the cause.');
  await expect(error).toContainText('So the likely cause is the network: this computer is offline');
  await expect(error).not.toContainText('does not allow calls from this page');
  await expect(page.getByTestId('step-retry')).toHaveCount(0);
  // The call was made, and stopped before it left the machine.
  expect(offlineGuard.external.filter((url) => url.startsWith('https://api.openai.com/v1/'))).toHaveLength(1);
});
