// No link costs anyone their work: hostile links are refused before anything is stored, a save that fails is said
// once (with Export) and never freezes the page, and examples open as new playgrounds from a menu that arrow keys
// never load from.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { deepNestingHash, inflationHash } from '../lib/test-support/hostile-links';
import { expect, test } from './fixtures';
import { adderFromAFriendLink, openExample, STORAGE_KEY } from './support';

const LIBRARY_KEY = 'agent-playground:library';
const MY_TASK = 'My own recognizable task: compare Oslo and Lisbon.';

// Every document of the page records its long tasks (the main thread busy in one go) from the moment the app is on
// screen (its header rendered): what the link makes the page do, not the loading of the app's own scripts, which is
// the same with or without a link (and measured by the bench).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[]; appShownAt?: number };
    w.longTasks = [];
    const shown = () => document.querySelector('header') !== null;
    const watch = new MutationObserver(() => {
      if (w.appShownAt === undefined && shown()) {
        w.appShownAt = performance.now();
        watch.disconnect();
      }
    });
    watch.observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (w.appShownAt !== undefined && entry.startTime >= w.appShownAt) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
});

/** The longest task of the current document since the app was shown, in ms (0: none over 50 ms). */
const longestTask = (page: Page) => page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));

/** The person's own playground, with a task typed in, saved in the playground entry and in the library. */
async function ownPlayground(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Playground title').fill('My own playground');
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill(MY_TASK);
  await expect
    .poll(() => page.evaluate(([key, task]) => localStorage.getItem(key)?.includes(task) ?? false, [LIBRARY_KEY, MY_TASK] as const))
    .toBe(true);
}

async function openLibrary(page: Page) {
  await page.getByRole('button', { name: 'Playgrounds' }).click();
  return page.getByRole('dialog', { name: 'Your playgrounds' });
}

/** After a reload: the person's own playground is open, intact, stored, and listed in the library. */
async function expectOwnPlaygroundIntact(page: Page): Promise<void> {
  await expect(page.getByLabel('Playground title')).toHaveValue('My own playground');
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue(MY_TASK);
  const stored = await page.evaluate(([a, b]) => [localStorage.getItem(a) ?? '', localStorage.getItem(b) ?? ''], [STORAGE_KEY, LIBRARY_KEY] as const);
  expect(stored[0]).toContain(MY_TASK);
  expect(stored[1]).toContain(MY_TASK);
  const library = await openLibrary(page);
  await expect(library.getByTestId('library-item').filter({ hasText: 'My own playground' })).toHaveCount(1);
}

const HOSTILE = [
  { name: 'nests 200,000 deep in a replayed tool call’s arguments', hash: deepNestingHash(), message: /nests 200,0\d\d levels deep; links may nest at most 64/ },
  { name: 'unpacks to 5.5 million characters', hash: inflationHash(), message: /more than 2 MB of data; links may hold at most 2 MB/ },
];

for (const hostile of HOSTILE) {
  test(`a link that ${hostile.name} is refused with a clear message, and a reload finds the person’s own playground intact`, async ({ page }) => {
    expect(hostile.hash.length).toBeLessThan(8_000);
    await ownPlayground(page);
    await page.goto(`/#${hostile.hash}`);
    const notice = page.getByTestId('share-notice');
    await expect(notice).toContainText('This share link could not be opened.');
    await expect(notice).toContainText(hostile.message);
    await expect(notice).toContainText('Your own playground is unchanged.');
    await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue(MY_TASK);
    await expect(page.getByTestId('shared-banner')).toHaveCount(0);
    expect(await longestTask(page)).toBeLessThan(1_000);

    await page.reload();
    await expectOwnPlaygroundIntact(page);
    await expect(page.getByTestId('library-item')).toHaveCount(1);
    expect(await longestTask(page)).toBeLessThan(1_000);
  });
}

test('a link whose save fails opens with its banner and one notice offering Export, and the page stays responsive', async ({ page }) => {
  await ownPlayground(page);
  // Fill this origin's storage to the last few characters, as years of use or another page might.
  await page.evaluate(() => {
    let filled = '';
    for (let step = 1 << 21; step >= 16; step /= 2) {
      for (;;) {
        try {
          localStorage.setItem('someone-else:filler', filled + 'x'.repeat(step));
          filled += 'x'.repeat(step);
        } catch {
          break;
        }
      }
    }
  });
  await page.goto(adderFromAFriendLink());

  await expect(page.getByLabel('Playground title')).toHaveValue('Adder from a friend');
  await expect(page.getByTestId('shared-banner')).toContainText('Shared playground: review the tools before running.');
  const notice = page.getByTestId('save-notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('storage for the app is full');
  await expect(notice.getByRole('button', { name: 'Export playground' })).toBeVisible();

  // More saves fail (edits, a new playground): the notice is not repeated, and nothing freezes.
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Add 2 and 3, then 4.');
  await (await openLibrary(page)).getByRole('button', { name: 'New playground' }).click();
  await expect(page.getByLabel('Playground title')).toHaveValue('Untitled playground');
  await (await openLibrary(page)).getByRole('button', { name: 'Adder from a friend', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('Add 2 and 3, then 4.');
  await expect(page.getByTestId('save-notice')).toHaveCount(1);
  await expect(page.getByTestId('shared-banner')).toBeVisible();

  // Export keeps the work anyway.
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Export playground' }).click()]);
  expect(download.suggestedFilename()).toBe('adder-from-a-friend.playground.json');
  expect(JSON.parse(await readFile((await download.path())!, 'utf8'))).toMatchObject({ title: 'Adder from a friend', task: 'Add 2 and 3, then 4.' });

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Add 2 and 3, then 5.');
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('Add 2 and 3, then 5.');
  await expect(page.getByTestId('save-notice')).toHaveCount(0);
  expect(await longestTask(page)).toBeLessThan(1_000);

  // Nothing the failed saves left behind makes the next start write over the person's own playground.
  await page.reload();
  await expectOwnPlaygroundIntact(page);
  expect(await longestTask(page)).toBeLessThan(1_000);
});

test('an example opens as a new playground; the previous one is still in the library after a reload', async ({ page }) => {
  await ownPlayground(page);
  await openExample(page, 'A manager and its librarian');
  await expect(page.getByLabel('Playground title')).toHaveValue('A manager and its librarian');
  await expect(page.getByTestId('example-notice')).toContainText('Your playground “My own playground” is kept in Playgrounds.');

  await page.reload();
  await expect(page.getByLabel('Playground title')).toHaveValue('A manager and its librarian');
  const library = await openLibrary(page);
  await expect(library.getByTestId('library-item')).toHaveCount(2);
  await library.getByRole('button', { name: 'My own playground', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue(MY_TASK);
});

test('the Examples menu: arrow keys open it and move the focus but load nothing; Escape closes it; Enter loads', async ({ page }) => {
  await ownPlayground(page);
  const button = page.getByRole('button', { name: 'Examples' });
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Examples' });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await expect(page.getByLabel('Playground title')).toHaveValue('My own playground');

  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(page.getByLabel('Playground title')).toHaveValue('My own playground');
  await expect(page.getByTestId('example-notice')).toHaveCount(0);
  await expect((await openLibrary(page)).getByTestId('library-item')).toHaveCount(1);
  await page.keyboard.press('Escape');

  await button.focus();
  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = (await items.nth(1).textContent())!;
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(page.getByLabel('Playground title')).toHaveValue(second);
  await expect(button).toBeFocused();
});
