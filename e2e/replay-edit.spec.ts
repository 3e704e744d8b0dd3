// Replay responses are editable: an edited response is what the next run plays, and a live run saved as a replay
// plays again offline, with no key and no server.
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../lib/test-support/fake-openai-server';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground, STORAGE_KEY } from './support';

const PORT = 3957;
const KEY = 'sk-test-REPLAY-1234567890';
const RUN_STARTS = { timeout: 20_000 };

let fake: FakeOpenAIServer;
test.beforeAll(async () => {
  fake = await startFakeOpenAIServer({ port: PORT, models: ['fake-coder'], apiKey: KEY });
});
test.afterAll(async () => {
  await fake?.close();
});
test.beforeEach(() => fake.reset());

test('an edited replay response is what the next run plays; a deleted one comes back with Undo', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');
  await page.getByRole('tab', { name: 'Settings' }).click();
  const responses = page.getByTestId('replay-responses');
  await expect(responses.getByRole('heading', { name: /Replay responses/ })).toBeVisible();
  await expect(responses.getByTestId('replay-response')).toHaveCount(2);

  await responses.getByRole('button', { name: 'Delete response 2' }).click();
  await expect(responses.getByTestId('replay-response')).toHaveCount(1);
  await responses.getByTestId('replay-response-removed').getByRole('button', { name: 'Undo' }).click();
  await expect(responses.getByTestId('replay-response')).toHaveCount(2);
  const texts = responses.getByTestId('replay-response-text');
  await expect(texts.first()).toContainText('get_forecast');
  await responses.getByRole('button', { name: 'Move down response 1' }).click();
  await expect(texts.nth(1)).toContainText('get_forecast');
  await responses.getByRole('button', { name: 'Move up response 2' }).click();
  await expect(texts.first()).toContainText('get_forecast');

  await responses.getByRole('button', { name: 'Edit response 1' }).click();
  await responses.getByLabel('Text of response 1').fill(fence('final_answer("Oslo, edited by hand");', 'Thought: I answer at once.'));
  await responses.getByRole('button', { name: 'Save' }).click();
  await expect(responses.getByTestId('replay-response-text').first()).toContainText('Oslo, edited by hand');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('Oslo, edited by hand', RUN_STARTS);
  await expect(page.getByTestId('run-steps')).toHaveText('1');
});

test('a live run on a fake server, saved as a replay, plays again offline with the same answer', async ({ page, offlineGuard }) => {
  offlineGuard.allowConsoleErrors(/status of 401\b/);
  await openWithPlayground(page, {
    version: 1,
    title: 'Fake server',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    model: { provider: 'openai-compatible', preset: 'custom', baseURL: `http://127.0.0.1:${PORT}/v1`, model: 'fake-coder' },
  });
  await page.getByRole('tab', { name: 'Settings' }).click();
  const settings = page.getByTestId('model-settings');
  await settings.getByLabel('API key').fill(KEY);
  await expect(settings.getByTestId('model-list-status')).toContainText('fake-coder');

  fake.reply({ text: fence("const sum = add(2, 3);\nconsole.log('sum is', sum);", 'Thought: I add.') }, { text: fence('final_answer(`The sum is ${sum}`);', 'Thought: done.') });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('The sum is 5', RUN_STARTS);
  const calls = () => fake.requests.filter((r) => r.path === '/v1/chat/completions').length;
  expect(calls()).toBe(2);

  await page.getByRole('button', { name: 'Save this run as a replay' }).click();
  await expect(page.getByTestId('saved-as-replay')).toContainText('Saved 2 responses as this playground’s replay');
  await expect(page.getByRole('banner').getByLabel('Model')).toHaveValue('replay');
  const responses = page.getByTestId('replay-responses');
  await expect(responses.getByTestId('replay-response')).toHaveCount(2);
  await expect(responses.getByTestId('replay-response-text').nth(1)).toContainText('final_answer(`The sum is ${sum}`)');
  // The key stays in the key store, never in the saved document.
  expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).not.toContain(KEY);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-model')).toHaveText(/replay/, RUN_STARTS);
  await expect(page.getByTestId('final-answer')).toHaveText('The sum is 5');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  expect(calls()).toBe(2);
});
