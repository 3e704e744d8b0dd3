// Share links, saved playgrounds, export and import, in the built app.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { playgroundSchema, type PlaygroundInput } from '../lib/playground/schema';
import { decodeShareHash, encodeShareHash } from '../lib/share/share-link';
import { decodeOtlpProtobuf } from '../lib/test-support/decode-otlp-protobuf';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, freshPage, openWithPlayground, STORAGE_KEY } from './support';

const KEY = 'sk-test-SECRET-share-0123456789';
const CAIRO = 'Cairo: 34 °C (93.2 °F)';
const LIBRARY_KEY = 'agent-playground:library';

const ADDER: PlaygroundInput = {
  version: 1,
  title: 'Adder to share',
  task: 'Add 2 and 3.',
  tools: ADD_TOOL,
  agent: { type: 'tool-calling', maxSteps: 7, instructions: 'Be brief.' },
  model: { provider: 'replay', responses: [fence('final_answer(add(2, 3))')], delayMs: 0 },
  sandbox: { timeoutMs: 4_321 },
};

async function shareLink(page: Page, { includeRun }: { includeRun?: boolean } = {}): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this playground' });
  const checkbox = dialog.getByLabel('Include the recorded run');
  if (includeRun !== undefined) await checkbox.setChecked(includeRun);
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await expect(dialog.getByTestId('link-length')).toHaveText(`${link.length.toLocaleString('en-US')} characters`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

const storedDoc = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).state.doc, STORAGE_KEY);

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readDownload(file) };
}

async function readDownload(file: Download): Promise<string> {
  // Binary downloads (.pb) are read byte for byte.
  return readFile((await file.path())!, file.suggestedFilename().endsWith('.pb') ? 'latin1' : 'utf8');
}

async function exportFile(page: Page, label: string) {
  await page.getByRole('button', { name: 'Export / Import' }).click();
  return download(page, () => page.getByRole('dialog', { name: 'Export and import' }).getByRole('button', { name: label }).click());
}

async function importFile(page: Page, name: string, text: string) {
  await page.getByLabel('Import playground or trace JSON', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function runToAnswer(page: Page, answer: string) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText(answer, { timeout: 20_000 });
}

/** Runs again while a recorded run is shown: waits for the new run to start and to end. */
async function runAgainToAnswer(page: Page, answer: string) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('final-answer')).toHaveText(answer);
}

function libraryPanel(page: Page) {
  return page.getByRole('dialog', { name: 'Your playgrounds' });
}

async function openLibrary(page: Page) {
  if (!(await libraryPanel(page).isVisible())) await page.getByRole('button', { name: 'Playgrounds' }).click();
  return libraryPanel(page);
}

test('a shared playground opens in a fresh browser with the same task, tools and settings, and nothing runs', async ({ page, browser, baseURL }) => {
  await openWithPlayground(page, ADDER);
  const sent = playgroundSchema.parse(ADDER);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  // No run yet: nothing to include.
  await expect(page.getByRole('dialog', { name: 'Share this playground' }).getByLabel('Include the recorded run')).toHaveCount(0);
  await page.keyboard.press('Escape');
  const link = await shareLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=2\./);

  const other = await freshPage(browser, baseURL);
  const { page: them } = other;
  await them.goto(link);
  await them.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await expect(them.getByTestId('shared-banner')).toContainText('Shared playground: review the tools before running.');
  await expect(them.getByLabel('Playground title')).toHaveValue('Adder to share');
  await expect(them.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('Add 2 and 3.');
  await expect(them.getByLabel('Agent type')).toHaveValue('tool-calling');
  await them.getByTestId('shared-banner').getByRole('button', { name: 'Show the tools' }).click();
  await expect(them.getByRole('tab', { name: 'Tools' })).toHaveAttribute('aria-selected', 'true');
  await them.getByRole('tab', { name: 'Settings' }).click();
  await expect(them.getByLabel('Max steps')).toHaveValue('7');
  await expect(them.getByLabel('Time limit per step (ms)')).toHaveValue('4321');
  // Task, tools and every setting: the document itself is the same.
  expect(await storedDoc(them)).toEqual(sent);
  // Nothing ran, and the link left the address bar, so a reload does not import it again.
  await expect(them.getByTestId('run-summary')).toHaveCount(0);
  await expect(them.getByText('Press Run to watch the agent work.')).toBeVisible();
  expect(new URL(them.url()).hash).toBe('');
  await them.reload();
  await expect(them.getByLabel('Playground title')).toHaveValue('Adder to share');
  // Still someone else's after a reload, until it is trusted.
  await expect(them.getByTestId('shared-banner')).toContainText('It contacts no address when it runs.');
  await them.getByTestId('shared-banner').getByRole('button', { name: 'Trust and enable' }).click();
  await expect(them.getByTestId('shared-banner')).toHaveCount(0);
  await them.reload();
  await expect(them.getByLabel('Playground title')).toHaveValue('Adder to share');
  await expect(them.getByTestId('shared-banner')).toHaveCount(0);
  expect(await them.evaluate((key) => JSON.parse(localStorage.getItem(key)!).state.items.length, LIBRARY_KEY)).toBe(2);
  await other.close();
});

test('a shared run shows its timeline at once and replays offline, with no key, to the same answer', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await runToAnswer(page, CAIRO);
  const steps = await page.getByTestId('step').count();
  // The sender now uses a real model: the run still travels, and replays without its key.
  await page.getByRole('banner').getByLabel('Model').selectOption('openai');
  const link = await shareLink(page, { includeRun: true });

  const other = await freshPage(browser, baseURL);
  const { page: them } = other;
  await them.goto(link);
  await them.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await expect(them.getByTestId('final-answer')).toHaveText(CAIRO);
  await expect(them.getByTestId('step')).toHaveCount(steps);
  const banner = them.getByTestId('shared-banner');
  await expect(banner).toContainText('The timeline shows the run recorded with replay; Run replays it offline, with no key.');
  await expect(banner).toContainText('Its own model, OpenAI (gpt-4.1-mini), is kept');
  await expect(them.getByRole('banner').getByLabel('Model')).toHaveValue('replay');

  // Slowed down so the new run can be seen starting (the recorded answer is already on screen).
  await them.getByRole('tab', { name: 'Settings' }).click();
  await them.getByLabel('Delay between streamed pieces (ms)').fill('20');
  await them.getByLabel('Delay between streamed pieces (ms)').press('Tab');
  await runAgainToAnswer(them, CAIRO);
  await expect(them.getByTestId('step')).toHaveCount(steps);
  // The original model comes back when chosen.
  await them.getByRole('banner').getByLabel('Model').selectOption('openai');
  await them.getByRole('tab', { name: 'Settings' }).click();
  await expect(them.getByTestId('model-settings')).toBeVisible();
  await other.close();
});

test('a key typed in settings is in neither the link nor any export', async ({ page }) => {
  await page.goto('/');
  await runToAnswer(page, CAIRO);
  await page.getByRole('banner').getByLabel('Model').selectOption('openai');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByTestId('model-settings').getByLabel('API key').fill(KEY);

  for (const includeRun of [false, true]) {
    const link = await shareLink(page, { includeRun });
    expect(link).not.toContain(KEY);
    const decoded = decodeShareHash(new URL(link).hash);
    expect(decoded.ok).toBe(true);
    expect(decoded.ok && Boolean(decoded.payload.run)).toBe(includeRun);
    expect(decoded.ok && decoded.payload.playground.model.provider).toBe('openai');
    expect(JSON.stringify(decoded)).not.toContain(KEY);
  }

  const files = [
    await exportFile(page, 'Export playground JSON'),
    await exportFile(page, 'Export trace JSON'),
    await exportFile(page, 'Export OpenTelemetry JSON'),
  ];
  const protobufFile = await exportFile(page, 'Export OpenTelemetry protobuf');
  expect(protobufFile.name).toBe('warmest-city-tomorrow.otlp.pb');
  // Read back with the official .proto definitions: the same spans as the JSON export, made in the browser.
  const decodedSpans = decodeOtlpProtobuf(new Uint8Array(Buffer.from(protobufFile.text, 'latin1'))).resourceSpans[0]!.scopeSpans[0]!.spans;
  expect(decodedSpans.map((s) => s.name)).toEqual(JSON.parse(files[2]!.text).resourceSpans[0].scopeSpans[0].spans.map((s: { name: string }) => s.name));
  expect(protobufFile.text, protobufFile.name).not.toContain(KEY);
  expect(files.map((f) => f.name)).toEqual(['warmest-city-tomorrow.playground.json', 'warmest-city-tomorrow.trace.json', 'warmest-city-tomorrow.otlp.json']);
  expect(JSON.parse(files[0]!.text).model.provider).toBe('openai');
  expect(JSON.parse(files[1]!.text).finalAnswer).toBe(CAIRO);
  expect(JSON.parse(files[2]!.text).resourceSpans[0].scopeSpans[0].spans.length).toBeGreaterThan(3);
  for (const file of files) expect(file.text, file.name).not.toContain(KEY);
  // Nor is it in this browser's saved playgrounds (it was not asked to be remembered).
  await page.waitForTimeout(600);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(storage).not.toContain(KEY);
});

test('a tampered or cut link explains what is wrong and leaves the person’s own playground as it was', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'My own', task: 'My own work.', tools: ADD_TOOL });
  const good = `#${encodeShareHash({ playground: playgroundSchema.parse({ ...ADDER, title: 'Someone else’s' }) })}`;

  // Opened afresh: a link cut short when it was copied.
  await page.goto('about:blank');
  await page.goto(`/${good.slice(0, Math.floor(good.length * 0.7))}`);
  const notice = page.getByTestId('share-notice');
  await expect(notice).toContainText('This share link could not be opened.');
  await expect(notice).toContainText('cut off');
  await expect(notice).toContainText('Your own playground is unchanged.');
  await expect(page.getByLabel('Playground title')).toHaveValue('My own');
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('My own work.');

  // Pasted into the address bar of the open app: a character changed in the middle.
  const at = Math.floor(good.length / 2);
  const tampered = `${good.slice(0, at)}${good[at] === 'A' ? 'B' : 'A'}${good.slice(at + 1)}`;
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await page.evaluate((hash) => (location.hash = hash), tampered);
  await expect(notice).toContainText('This share link could not be opened.');
  await expect(page.getByLabel('Playground title')).toHaveValue('My own');
  await expect(page.getByTestId('shared-banner')).toHaveCount(0);
  const library = await openLibrary(page);
  await expect(library.getByTestId('library-item')).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('My own work.');
  await expect(page.getByTestId('share-notice')).toHaveCount(0);
});

test('saved playgrounds: new, rename, duplicate, delete with undo, and a reload keeps them', async ({ page }) => {
  await page.goto('/');
  let library = await openLibrary(page);
  await expect(library.getByTestId('library-item')).toHaveCount(1);
  await expect(library.getByRole('button', { name: 'Warmest city tomorrow', exact: true })).toHaveAttribute('aria-current', 'true');

  await library.getByRole('button', { name: 'New playground' }).click();
  await expect(libraryPanel(page)).toBeHidden();
  await expect(page.getByLabel('Playground title')).toHaveValue('Untitled playground');
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('The second task.');

  library = await openLibrary(page);
  await library.getByRole('button', { name: 'Rename “Untitled playground”' }).click();
  await library.getByLabel('New name for “Untitled playground”').fill('Second one');
  await library.getByLabel('New name for “Untitled playground”').press('Enter');
  await expect(page.getByLabel('Playground title')).toHaveValue('Second one');
  await library.getByRole('button', { name: 'Duplicate “Second one”' }).click();
  await expect(library.getByTestId('library-item')).toHaveCount(3);
  await expect(library.getByRole('button', { name: 'Second one (copy)', exact: true })).toBeVisible();

  await library.getByRole('button', { name: 'Delete “Second one (copy)”' }).click();
  await expect(library.getByTestId('library-item')).toHaveCount(2);
  await library.getByRole('button', { name: 'Undo' }).click();
  await expect(library.getByTestId('library-item')).toHaveCount(3);
  await library.getByRole('button', { name: 'Delete “Second one (copy)”' }).click();
  await expect(library.getByTestId('library-item')).toHaveCount(2);

  await library.getByRole('button', { name: 'Warmest city tomorrow', exact: true }).click();
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');
  await page.reload();

  library = await openLibrary(page);
  await expect(library.getByTestId('library-item')).toHaveCount(2);
  await expect(library.getByRole('button', { name: 'Warmest city tomorrow', exact: true })).toHaveAttribute('aria-current', 'true');
  await library.getByRole('button', { name: 'Second one', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('The second task.');

  // Deleting the playground being edited opens another one.
  library = await openLibrary(page);
  await library.getByRole('button', { name: 'Delete “Second one”' }).click();
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');
});

test('importing a bad file explains what is wrong; a trace file opens with its timeline and replays', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await runToAnswer(page, CAIRO);
  const trace = await exportFile(page, 'Export trace JSON');

  await importFile(page, 'broken.json', '{"version": 1, "title": ');
  const notice = page.getByTestId('share-notice');
  await expect(notice).toContainText('“broken.json” could not be imported: it is not valid JSON');
  await importFile(page, 'bad.playground.json', JSON.stringify({ version: 1, task: 3, agent: { maxSteps: 0 }, model: { provider: 'openai', model: 'x', apiKey: 'sk-x' } }));
  await expect(notice).toContainText('“bad.playground.json” could not be imported: it is not a valid playground. What is wrong:');
  await expect(notice).toContainText('task: Invalid input: expected string, received number');
  await expect(notice).toContainText('agent.maxSteps: Too small');
  await expect(notice).toContainText('model.apiKey: unknown field; secrets such as API keys never belong in a playground');
  await importFile(page, 'bad.trace.json', JSON.stringify({ ...JSON.parse(trace.text), state: 'won' }));
  await expect(notice).toContainText('it looks like a trace, but these fields are wrong:');
  await expect(notice).toContainText('state:');
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');

  const other = await freshPage(browser, baseURL);
  const { page: them } = other;
  await them.goto('/');
  await them.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await importFile(them, trace.name, trace.text);
  await expect(them.getByTestId('final-answer')).toHaveText(CAIRO);
  await expect(them.getByTestId('shared-banner')).toContainText('Imported trace: review the tools before running.');
  await runAgainToAnswer(them, CAIRO);

  // A playground file opens as a new item; the one before stays in the list.
  await importFile(them, 'adder.json', JSON.stringify(ADDER));
  await expect(them.getByLabel('Playground title')).toHaveValue('Adder to share');
  await expect(them.getByText('Press Run to watch the agent work.')).toBeVisible();
  await expect((await openLibrary(them)).getByTestId('library-item')).toHaveCount(3);
  await other.close();
});

test('a link past 8,000 characters warns and offers the playground as a file instead', async ({ page }) => {
  // Text that does not compress, so the link really is long.
  let seed = 11;
  const noise = Array.from({ length: 9_000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
  await openWithPlayground(page, { ...ADDER, task: noise });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this playground' });
  await expect(dialog).toContainText('Past 8,000, chat apps, mail and some servers cut links short.');
  await expect(dialog.getByRole('button', { name: 'Copy the link' })).toHaveCount(0);
  const file = await download(page, () => dialog.getByRole('button', { name: 'Download as a file' }).click());
  expect(file.name).toBe('adder-to-share.playground.json');
  expect(JSON.parse(file.text).task).toBe(noise);
});
