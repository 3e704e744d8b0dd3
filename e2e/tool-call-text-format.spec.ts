// A ToolCallingAgent on a server without native tool calls: Settings → Tool call format → text. The page calls the fake
// OpenAI-compatible server on loopback (cross-origin, with CORS), which gets no tools and answers with JSON in its text.
import { readFile } from 'node:fs/promises';
import { startFakeOpenAIServer, type FakeOpenAIServer, type RecordedRequest } from '../lib/test-support/fake-openai-server';
import { expect, test } from './fixtures';
import { ADD_TOOL, openWithPlayground, STORAGE_KEY } from './support';

// The port the model proxy and the real-model spec use for the fake server (playwright.config.ts).
const PORT = 3917;
const BASE_URL = `http://127.0.0.1:${PORT}/v1`;
const KEY = 'sk-test-TEXT-1234567890';

let fake: FakeOpenAIServer;

test.beforeAll(async () => {
  fake = await startFakeOpenAIServer({ port: PORT, models: ['fake-local'], apiKey: KEY });
});
test.afterAll(async () => {
  await fake?.close();
});
test.beforeEach(() => fake.reset());

const chatRequests = (): RecordedRequest[] => fake.requests.filter((r) => r.path === '/v1/chat/completions');

test('a ToolCallingAgent in the text tool call format calls tools from JSON in the text, shown as tool calls, and recovers from bad JSON', async ({ page, offlineGuard }) => {
  // The model list is asked for before the key is typed: the fake answers 401.
  offlineGuard.allowConsoleErrors(/Failed to load resource: the server responded with a status of 401\b/);
  await openWithPlayground(page, {
    version: 1,
    title: 'Local model',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    agent: { type: 'tool-calling', maxSteps: 4 },
    model: { provider: 'openai-compatible', preset: 'custom', baseURL: BASE_URL, model: 'fake-local' },
  });
  await page.getByRole('tab', { name: 'Settings' }).click();
  const settings = page.getByTestId('model-settings');
  await settings.getByLabel('API key').fill(KEY);
  const format = settings.getByLabel('Tool call format');
  await expect(format).toHaveValue('native');
  expect(await format.locator('option').allTextContents()).toEqual(['native', 'text']);
  await format.selectOption('text');
  await expect
    .poll(async () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.doc?.model?.toolCallFormat, STORAGE_KEY))
    .toBe('text');

  fake.reply(
    { text: 'Thought: I add the numbers with the tool.\n```json\n{"name": "add", "arguments": {"a": 2, "b": 3}}\n```' },
    { text: 'Thought: done.\n```json\n{"name": "final_answer", "arguments": {"answer": "The sum is 5"\n```' },
    { text: 'Thought: I fix the JSON.\n{"name": "final_answer", "arguments": {"answer": "The sum is 5"}}' },
  );
  await page.getByRole('banner').getByRole('button', { name: 'Run', exact: true }).click();

  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('tool-call-name')).toHaveText('add', { timeout: 20_000 });
  await expect(step1.getByTestId('tool-call-args')).toContainText('"a":2');
  await expect(step1.getByTestId('tool-call-result')).toContainText('5');
  const step2 = page.getByRole('article', { name: 'Step 2' });
  await expect(step2.getByTestId('step-error')).toContainText("line 1, column 64: expected ',' or '}', but the JSON ends there");
  await expect(step2.getByTestId('tool-call')).toHaveCount(0);
  await expect(page.getByTestId('final-answer')).toHaveText('The sum is 5');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByRole('article', { name: 'Step 3' }).getByTestId('tool-call-name')).toHaveText('final_answer');

  const chat = chatRequests();
  expect(chat).toHaveLength(3);
  for (const request of chat) {
    expect(request.body).not.toHaveProperty('tools');
    expect(JSON.stringify(request.body.messages)).not.toMatch(/"role":"tool"|tool_calls/);
  }
  expect(chat[0]!.body.messages[0].content).toContain('- add: Adds two numbers.');
  expect(chat[0]!.body.messages[0].content).toContain('Arguments (JSON Schema)');
  expect(chat[1]!.body.messages.at(-1).content).toContain('add: 5');
  expect(chat[2]!.body.messages.at(-1).content).toContain('line 1, column 64');

  // The trace holds the calls as tool calls, with arguments and results, as a native run's does.
  await page.getByRole('button', { name: 'Export / Import' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export and import' }).getByRole('button', { name: 'Export trace JSON' }).click(),
  ]);
  const text = await readFile((await file.path())!, 'utf8');
  expect(text).not.toContain(KEY);
  const trace = JSON.parse(text) as { steps: { toolCalls: { name: string; args: unknown; result?: unknown }[]; modelToolCalls?: { name: string }[] }[] };
  expect(trace.steps[0]!.toolCalls).toEqual([expect.objectContaining({ name: 'add', args: { a: 2, b: 3 }, result: 5 })]);
  expect(trace.steps[0]!.modelToolCalls?.map((c) => c.name)).toEqual(['add']);
  expect(trace.steps[2]!.toolCalls).toEqual([expect.objectContaining({ name: 'final_answer', result: 'The sum is 5' })]);
});

test('as a manual model in the text tool call format, a person reads the tools in the system prompt and writes calls as JSON', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Manual text calls',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    agent: { type: 'tool-calling' },
    model: { provider: 'manual', toolCallFormat: 'text' },
  });
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByLabel('Tool call format')).toHaveValue('text');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const composer = page.getByTestId('manual-composer');
  // No tool schemas go to the model: the system prompt the person sees describes the tools.
  await expect(composer.getByText(/What the model receives: \d+ messages$/)).toBeVisible({ timeout: 20_000 });
  await expect(composer).toContainText('- add: Adds two numbers.');
  await expect(composer).toContainText('Arguments (JSON Schema)');
  await expect(composer).toContainText('the system prompt above lists the tools');
  const answer = composer.getByRole('textbox', { name: 'Your answer' });
  await expect(answer).toHaveValue(/```json/);
  await answer.fill('Thought: add.\n```json\n{"name": "add", "arguments": {"a": 2, "b": 3}}\n```');
  await composer.getByRole('button', { name: 'Send as the model' }).click();
  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('tool-call-name')).toHaveText('add');
  await expect(step1.getByTestId('tool-call-result')).toContainText('5');

  await composer.getByRole('textbox', { name: 'Your answer' }).fill('{"name": "final_answer", "arguments": {"answer": 5}}');
  await composer.getByRole('button', { name: 'Send as the model' }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('5');
});
