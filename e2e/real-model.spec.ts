// The real-provider path end to end: the page calls a fake OpenAI-compatible server on loopback (cross-origin, with CORS)
// through the AI SDK, in the runner worker, with the key typed in Settings → Model.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startFakeOpenAIServer, type FakeOpenAIServer, type RecordedRequest } from '../lib/test-support/fake-openai-server';
import { expect, test, type OfflineGuard } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground, STORAGE_KEY } from './support';

const PORT = 3917;
const BASE_URL = `http://127.0.0.1:${PORT}/v1`;
const KEY = 'sk-test-SECRET-1234567890';
const KEYS_STORAGE = 'agent-playground:keys';

let fake: FakeOpenAIServer;

test.beforeAll(async () => {
  fake = await startFakeOpenAIServer({ port: PORT, models: ['fake-coder', 'fake-caller'], apiKey: KEY });
});
test.afterAll(async () => {
  await fake?.close();
});
test.beforeEach(() => fake.reset());

/** Errors Chromium logs by itself for answers these tests provoke (a listing without the key, a 401, 429 …). */
function allowProvokedErrors(guard: OfflineGuard, ...statuses: number[]) {
  guard.allowConsoleErrors(...statuses.map((s) => new RegExp(`Failed to load resource: the server responded with a status of ${s}\\b`)));
}

const compatible = (agentType: 'code' | 'tool-calling') =>
  ({
    version: 1,
    title: 'Fake server',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    agent: { type: agentType, maxSteps: 4 },
    model: { provider: 'openai-compatible', preset: 'custom', baseURL: BASE_URL, model: 'fake-coder' },
  }) as const;

const chatRequests = (): RecordedRequest[] => fake.requests.filter((r) => r.path === '/v1/chat/completions');

async function typeKey(page: Page) {
  await page.getByRole('tab', { name: 'Settings' }).click();
  const settings = page.getByTestId('model-settings');
  await settings.getByLabel('API key').fill(KEY);
  await expect(settings.getByTestId('model-list-status')).toContainText('fake-coder');
}

/** A run's first answer: the runner worker starts and compiles the tools first, which takes seconds on a busy 2-core machine. */
const RUN_STARTS = { timeout: 20_000 };

function header(page: Page) {
  return page.getByRole('banner');
}

const CODE_STEP_1 = `${fence("const sum = add(2, 3);\nconsole.log('sum is', sum);", 'Thought: I add the numbers with the tool.')}\nObservation: the model must not write this`;
const CODE_STEP_2 = fence('final_answer(`The sum is ${sum}`);', 'Thought: I have the sum.');

test('a CodeAgent runs on an OpenAI-compatible server chosen in the header, with the models listed and the key sent', async ({ page, offlineGuard }) => {
  allowProvokedErrors(offlineGuard, 401);
  // Choosing OpenAI-compatible starts on Ollama's address, which nothing serves here.
  offlineGuard.allowConsoleErrors(/localhost:11434|ERR_CONNECTION_REFUSED/);
  await openWithPlayground(page, { version: 1, title: 'Fake server', task: 'Add 2 and 3.', tools: ADD_TOOL });
  await header(page).getByLabel('Model').selectOption('openai-compatible');
  await page.getByRole('tab', { name: 'Settings' }).click();
  const settings = page.getByTestId('model-settings');
  await expect(settings.getByLabel('Server', { exact: true })).toHaveValue('ollama');
  await expect(settings.getByLabel('Base URL')).toHaveValue('http://localhost:11434/v1');

  await settings.getByLabel('Server', { exact: true }).selectOption('custom');
  await expect(settings.getByLabel('Base URL')).toHaveValue('http://localhost:11434/v1');
  await expect(settings.getByTestId('server-hint')).toContainText('CORS');

  // A bad address stays in the box, explained, and is not saved.
  await settings.getByLabel('Base URL').fill('127.0.0.1:3917/v1');
  await expect(settings.getByLabel('Base URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.getByText('Must be an http:// or https:// address')).toBeVisible();
  await settings.getByLabel('Base URL').fill(BASE_URL);
  await expect(settings.getByLabel('Base URL')).not.toHaveAttribute('aria-invalid');

  // The fake wants the key even to list its models: the failure is shown, and typing the key lists them.
  await expect(settings.getByTestId('model-list-error')).toContainText('401');
  await settings.getByLabel('API key').fill(KEY);
  await expect(settings.getByTestId('model-list-status')).toContainText('fake-coder');
  expect(await settings.getByTestId('model-suggestions').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
    'fake-caller',
    'fake-coder',
  ]);
  await settings.getByLabel('Model', { exact: true }).fill('fake-coder');

  // A price of our own: cost and context share appear on the steps.
  await settings.getByLabel('$ per million input tokens').fill('1');
  await settings.getByLabel('$ per million cached input tokens').fill('0.5');
  await settings.getByLabel('$ per million output tokens').fill('2');
  await settings.getByLabel('Context window (tokens)').fill('10000');

  fake.reply({ text: CODE_STEP_1, usage: { promptTokens: 1_200, completionTokens: 40, cachedTokens: 1_000 } }, { text: CODE_STEP_2, usage: { promptTokens: 1_400, completionTokens: 20 } });
  await header(page).getByRole('button', { name: 'Run', exact: true }).click();

  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('tool-call-name')).toHaveText('add', RUN_STARTS);
  await expect(step1.getByTestId('step-observation')).toContainText('sum is 5');
  await expect(step1.getByTestId('step-thought')).toContainText('I add the numbers with the tool.');
  await expect(step1).not.toContainText('the model must not write this');
  await expect(step1.getByTestId('step-tokens')).toHaveText('1,200 / 40');
  await expect(step1.getByTestId('step-cached-tokens')).toHaveText('1,000');
  // 200 fresh × $1 + 1,000 cached × $0.50 + 40 out × $2, per million.
  await expect(step1.getByTestId('step-cost')).toHaveText('$0.00078');
  await expect(step1.getByTestId('step-context')).toHaveText('12% of context');

  await expect(page.getByTestId('final-answer')).toHaveText('The sum is 5');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByTestId('run-model')).toHaveText('openai-compatible:fake-coder');
  await expect(page.getByTestId('run-cost')).toHaveText('$0.0022');

  const [first, second] = chatRequests();
  expect(first?.headers.authorization).toBe(`Bearer ${KEY}`);
  // Cross-origin: the page (on the app's port) calls the fake on its own.
  expect(first?.headers.origin).toBe(new URL(page.url()).origin);
  expect(first?.body.model).toBe('fake-coder');
  expect(first?.body.stream).toBe(true);
  expect(first?.body.stop).toEqual(expect.arrayContaining(['Observation:', 'Calling tools:']));
  expect(JSON.stringify(second?.body.messages)).toContain('sum is 5');
});

test('a ToolCallingAgent runs on the fake server with native tool calls, final_answer included', async ({ page, offlineGuard }) => {
  allowProvokedErrors(offlineGuard, 401);
  await openWithPlayground(page, compatible('tool-calling'));
  await typeKey(page);
  fake.reply({ toolCalls: [{ name: 'add', arguments: { a: 2, b: 3 } }] }, { toolCalls: [{ name: 'final_answer', arguments: { answer: 'The sum is 5' } }] });
  await header(page).getByRole('button', { name: 'Run', exact: true }).click();

  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('tool-call-name')).toHaveText('add', RUN_STARTS);
  await expect(step1.getByTestId('tool-call-result')).toContainText('5');
  await expect(page.getByTestId('final-answer')).toHaveText('The sum is 5');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  const [first] = chatRequests();
  expect(first?.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(first?.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(expect.arrayContaining(['add', 'final_answer']));
  expect(first?.body.stop ?? []).toEqual([]);
});

test('a 429 with retry-after is waited out and retried; the step shows the retry and the run finishes', async ({ page, offlineGuard }) => {
  allowProvokedErrors(offlineGuard, 401);
  await openWithPlayground(page, compatible('code'));
  await typeKey(page);
  fake.fault({ kind: 'status', status: 429, retryAfterSeconds: 1 });
  fake.reply({ text: fence('final_answer(add(2, 3));') });
  await header(page).getByRole('button', { name: 'Run', exact: true }).click();

  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('step-retry')).toHaveText('Retry 1 after 1.0 s — 429 rate limited', RUN_STARTS);
  await expect(page.getByTestId('final-answer')).toHaveText('5');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  expect(chatRequests()).toHaveLength(2);
});

test('a rejected key is explained without showing the key', async ({ page, offlineGuard }) => {
  allowProvokedErrors(offlineGuard, 401);
  await openWithPlayground(page, compatible('code'));
  await typeKey(page);
  // The fake echoes the key it was given in its error, as OpenAI does.
  fake.fault({ kind: 'status', status: 401 });
  await header(page).getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByTestId('run-status')).toHaveText('Failed', RUN_STARTS);
  const error = page.getByTestId('step-error');
  await expect(error).toContainText('rejected the API key (401');
  await expect(error).toContainText('[key hidden]');
  expect(await error.textContent()).not.toContain(KEY);
  expect(await page.locator('body').innerText()).not.toContain(KEY);
});

test('a stream cut off midway keeps the partial text and says it was cut', async ({ page, offlineGuard }) => {
  allowProvokedErrors(offlineGuard, 401);
  await openWithPlayground(page, compatible('code'));
  await typeKey(page);
  fake.fault({ kind: 'cut', afterChars: 40 });
  fake.reply({ text: fence('final_answer(add(2, 3));', 'Thought: this answer is long enough to be cut off by the fake server.') });
  await header(page).getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByTestId('run-status')).toHaveText('Failed', RUN_STARTS);
  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('step-streaming')).toContainText('Thought: this answer is long enough');
  await expect(step1.getByTestId('step-error')).toContainText('cut off after 40 characters');
});

test('the key never reaches the URL, the saved playground, the trace or the console; stored only when asked, and forgotten in one click', async ({
  page,
  offlineGuard,
}) => {
  allowProvokedErrors(offlineGuard, 401);
  const consoleMessages: string[] = [];
  page.on('console', (msg) => consoleMessages.push(msg.text()));
  await openWithPlayground(page, compatible('code'));
  await typeKey(page);
  fake.reply({ text: CODE_STEP_1 }, { text: CODE_STEP_2 });
  await header(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('The sum is 5', RUN_STARTS);

  const storage = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? ''])));
  const holding = (all: Record<string, string>) => Object.keys(all).filter((k) => all[k]!.includes(KEY));

  expect(page.url()).not.toContain(KEY);
  expect(holding(await storage())).toEqual([]);
  expect((await storage())[STORAGE_KEY]).toContain('fake-coder');

  const step1 = page.getByRole('article', { name: 'Step 1' });
  await step1.getByRole('button', { name: 'Model input and raw output' }).click();
  await expect(step1.getByTestId('step-inspector')).toContainText('Messages sent to the model');
  expect(await step1.getByTestId('step-inspector').innerText()).not.toContain(KEY);
  expect(await page.locator('body').innerText()).not.toContain(KEY);

  const settings = page.getByTestId('model-settings');
  await settings.getByLabel('Remember on this device').check();
  expect(holding(await storage())).toEqual([KEYS_STORAGE]);
  // Stored for the one origin it was typed for, and nothing else.
  expect(JSON.parse((await storage())[KEYS_STORAGE]!)).toEqual({ version: 2, keys: { [`http://127.0.0.1:${PORT}`]: KEY } });

  // Remembered: a reload brings it back.
  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(settings.getByLabel('API key')).toHaveValue(KEY);
  await expect(settings.getByLabel('Remember on this device')).toBeChecked();

  await settings.getByRole('button', { name: 'Forget key' }).click();
  await expect(settings.getByLabel('API key')).toHaveValue('');
  await expect(settings.getByLabel('Remember on this device')).not.toBeChecked();
  expect(holding(await storage())).toEqual([]);
  expect(Object.keys(await storage())).not.toContain(KEYS_STORAGE);
  expect(page.url()).not.toContain(KEY);

  expect(consoleMessages.length).toBeGreaterThan(0);
  expect(consoleMessages.filter((m) => m.includes(KEY))).toEqual([]);
});

test('a provider that needs a key offers “Add key”, which opens Settings at the key box', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'Keys', task: 'Add 2 and 3.', tools: ADD_TOOL });
  await expect(header(page).getByRole('button', { name: 'Add key' })).toHaveCount(0);
  await header(page).getByLabel('Model').selectOption('openai');
  await header(page).getByRole('button', { name: 'Add key' }).click();
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  const keyBox = page.getByTestId('model-settings').getByLabel('API key');
  await expect(keyBox).toBeFocused();
  await expect(keyBox).toHaveAttribute('type', 'password');
  await expect(keyBox).toHaveAttribute('placeholder', /Needed/);
  const axe = await new AxeBuilder({ page }).include('header').include('[data-testid="model-settings"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await keyBox.fill('sk-test-OTHER-0987654321');
  await expect(header(page).getByRole('button', { name: 'Add key' })).toHaveCount(0);

  // A known model shows its list price; the user's own price can be reset to it.
  const settings = page.getByTestId('model-settings');
  await expect(settings.getByLabel('Model', { exact: true })).toHaveValue('gpt-4.1-mini');
  await expect(settings.getByTestId('price-source')).toContainText('Default list price: $0.40 in');
  await expect(settings.getByLabel('$ per million input tokens')).toHaveValue('0.4');
  await settings.getByLabel('$ per million input tokens').fill('0.5');
  await settings.getByLabel('$ per million output tokens').fill('');
  await expect(settings.getByText('Enter a price to save')).toBeVisible();
  await settings.getByLabel('$ per million output tokens').fill('2');
  await expect(settings.getByTestId('price-source')).toContainText('Your own price is used.');
  await settings.getByRole('button', { name: 'Use default' }).click();
  await expect(settings.getByLabel('$ per million input tokens')).toHaveValue('0.4');
  await expect(settings.getByRole('button', { name: 'Use default' })).toHaveCount(0);

  // Through the app's server, the key is optional: the server may hold its own.
  await keyBox.fill('');
  await expect(header(page).getByRole('button', { name: 'Add key' })).toBeVisible();
  await settings.getByLabel('Through this app’s server').check();
  await expect(header(page).getByRole('button', { name: 'Add key' })).toHaveCount(0);

  // Timeout in seconds is stored in milliseconds; a bad value stays in the box and is not saved.
  await settings.getByLabel('Timeout (seconds without output)').fill('0');
  await expect(settings.getByLabel('Timeout (seconds without output)')).toHaveAttribute('aria-invalid', 'true');
  await settings.getByLabel('Timeout (seconds without output)').fill('45');
  await expect
    .poll(async () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.doc?.model, STORAGE_KEY))
    .toMatchObject({ provider: 'openai', via: 'proxy', timeoutMs: 45_000 });
});
