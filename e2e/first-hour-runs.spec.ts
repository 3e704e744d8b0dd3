// Issue 11, points 1, 10, 11: a run belongs to its playground; an empty task is refused at the field; a new
// playground has a documented tool; the same link opens its item; a trace you exported re-imports as yours.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { adderFromAFriendLink, openExample } from './support';

const CAIRO = 'Cairo: 34 °C (93.2 °F)';
const STALE = 'This run was made with an earlier version of the playground.';
const EMPTY = 'Press Run to watch the agent work.';

/** The header's Run button (its name may carry a ▶ until the accessibility work lands). */
const runButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^(▶\s*)?Run$/ });

async function runToAnswer(page: Page, answer: string) {
  await runButton(page).click();
  await expect(page.getByTestId('final-answer')).toHaveText(answer, { timeout: 20_000 });
  await expect(runButton(page)).toBeVisible();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function openLibrary(page: Page) {
  const panel = page.getByRole('dialog', { name: 'Your playgrounds' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Playgrounds' }).click();
  return panel;
}

test('a run edited past says it was made with an earlier version, and Run again makes it current', async ({ page }) => {
  await page.goto('/');
  await runToAnswer(page, CAIRO);
  await expect(page.getByText(STALE)).toBeHidden();

  // A new title changes nothing the run depends on.
  await page.getByLabel('Playground title').fill('My warmest city');
  await expect(page.getByText(STALE)).toBeHidden();

  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Which of Lisbon, Oslo and Cairo will be the warmest tomorrow?');
  const notice = page.getByTestId('stale-run');
  await expect(notice).toHaveText(new RegExp(STALE.replace('.', '\\.')));
  await expect(page.getByTestId('final-answer')).toHaveText(CAIRO);
  await notice.getByRole('button', { name: 'Run again' }).click();
  await expect(runButton(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByText(STALE)).toBeHidden();
});

test('loading an example shows its empty timeline; going back through the library shows that playground’s own run', async ({ page }) => {
  await page.goto('/');
  await runToAnswer(page, CAIRO);
  await openExample(page, 'A manager and its librarian');
  await expect(page.getByText(EMPTY)).toBeVisible();
  await expect(page.getByTestId('final-answer')).toHaveCount(0);
  await expect(page.getByTestId('run-summary')).toHaveCount(0);

  const library = await openLibrary(page);
  await library.getByRole('button', { name: 'Warmest city tomorrow', exact: true }).click();
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');
  await expect(page.getByTestId('final-answer')).toHaveText(CAIRO);
  await expect(page.getByText(STALE)).toBeHidden();
});

test('Run with an empty task is refused at the Task field, on its tab, and nothing is sent', async ({ page }) => {
  await page.goto('/');
  const task = page.getByRole('textbox', { name: 'Task', exact: true });
  await task.fill('  ');
  await page.getByRole('tab', { name: 'Tools' }).click();
  await runButton(page).click();

  await expect(page.getByRole('tab', { name: 'Task' })).toHaveAttribute('aria-selected', 'true');
  await expect(task).toBeFocused();
  await expect(task).toHaveAttribute('aria-invalid', 'true');
  await expect(task).toHaveAccessibleDescription('Write a task first: the agent needs something to do. Nothing was sent.');
  await expect(page.getByText(EMPTY)).toBeVisible();
  await expect(page.getByTestId('run-summary')).toHaveCount(0);

  // Ctrl+Enter is refused the same way; writing a task clears the message.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.keyboard.press('Control+Enter');
  await expect(task).toBeFocused();
  await task.fill('Which city is warmest tomorrow?');
  await expect(task).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Write a task first')).toBeHidden();
  await runToAnswer(page, CAIRO);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on the stale-run notice and the refused task (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await runToAnswer(page, CAIRO);
    await page.getByRole('textbox', { name: 'Task', exact: true }).fill('');
    await expect(page.getByTestId('stale-run')).toBeVisible();
    await runButton(page).click();
    await expect(page.getByText('Write a task first')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('a new playground starts with one small documented example tool and a task that uses it', async ({ page }) => {
  await page.goto('/');
  const library = await openLibrary(page);
  await library.getByRole('button', { name: 'New playground' }).click();
  await expect(page.getByLabel('Playground title')).toHaveValue('Untitled playground');
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('What is 1234 + 5678? Use the add tool.');
  await page.getByRole('tab', { name: 'Tools' }).click();
  const tools = page.getByTestId('tool-item');
  await expect(tools).toHaveCount(1);
  await expect(tools.getByTestId('tool-signature')).toHaveText('add(a: number, b: number): number');
  await expect(tools).toContainText('Adds two numbers.');
  await expect(tools).toContainText('The first number.');
});

test('opening the same share link twice opens the item it made the first time, still under review', async ({ page }) => {
  const link = adderFromAFriendLink();
  await page.goto('/');
  await runButton(page).waitFor();
  await page.goto(link);
  await expect(page.getByLabel('Playground title')).toHaveValue('Adder from a friend');
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Add 2 and 3, please.');

  let library = await openLibrary(page);
  await expect(library.getByTestId('library-item')).toHaveCount(2);
  await library.getByRole('button', { name: 'Warmest city tomorrow', exact: true }).click();
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');

  await page.goto(link);
  await expect(page.getByLabel('Playground title')).toHaveValue('Adder from a friend');
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('Add 2 and 3, please.');
  await expect(page.getByTestId('share-notice')).toContainText('This link was opened before: “Adder from a friend” from your saved playgrounds is open again');
  await expect(page.getByTestId('shared-banner')).toContainText('Shared playground: review the tools before running.');
  await expect(page.getByRole('button', { name: 'Trust and enable' })).toBeVisible();
  library = await openLibrary(page);
  await expect(library.getByTestId('library-item')).toHaveCount(2);
});

test('a trace exported from this browser re-imports as your own, without the foreign-author warning', async ({ page }) => {
  await page.goto('/');
  await runToAnswer(page, CAIRO);
  await page.getByRole('button', { name: 'Export / Import' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export and import' }).getByRole('button', { name: 'Export trace JSON' }).click(),
  ]);
  const text = await readFile((await file.path())!, 'utf8');
  const name = file.suggestedFilename();

  await page.getByLabel('Import playground or trace JSON', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('share-notice')).toContainText(`“${name}” was exported from this browser, so it opened as your own playground.`);
  await expect(page.getByTestId('final-answer')).toHaveText(CAIRO);
  await expect(page.getByTestId('shared-banner')).toHaveCount(0);
  await expect(page.getByText('Someone else wrote')).toHaveCount(0);
  await expect((await openLibrary(page)).getByTestId('library-item')).toHaveCount(2);
  await page.keyboard.press('Escape');

  // The same file with its tools changed is someone else's.
  const altered = JSON.parse(text) as { playground: { tools: string } };
  altered.playground.tools = `${altered.playground.tools}\n// changed by someone`;
  await page.getByLabel('Import playground or trace JSON', { exact: true }).setInputFiles({ name: 'altered.trace.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(altered)) });
  await expect(page.getByTestId('shared-banner')).toContainText('Imported trace: review the tools before running.');
});
