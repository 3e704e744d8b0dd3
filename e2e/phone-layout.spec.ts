// The layout on a phone (390×844, light and dark): a one-row header with More, a Playground / Run switch, the page
// scrolling as one area, the manual composer's send button on screen; and on the desktop, each editor tab's own scroll
// position and a title input that shows each bundled example's whole title.
import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExample, openWithPlayground } from './support';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const EXAMPLES_DIR = new URL('../lib/playground/examples/', import.meta.url);
/** The title of every bundled example, read from its file (a new example is covered too). */
const EXAMPLE_TITLES = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => (JSON.parse(readFileSync(new URL(name, EXAMPLES_DIR), 'utf8')) as { title: string }).title);

/** How long a person waits for Monaco to load or a replayed run to end on a busy 2-core machine (not a speed check). */
const SLOW = { timeout: 30_000 };

const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const more = (page: Page) => page.getByRole('button', { name: 'More' });
const viewTab = (page: Page, name: 'Playground' | 'Run') => page.getByRole('tablist', { name: 'View' }).getByRole('tab', { name });
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** Elements that scroll on their own, other than code blocks and editors: on a phone there must be none. */
function innerScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => {
        const { overflowY } = getComputedStyle(el);
        if (overflowY !== 'auto' && overflowY !== 'scroll') return false;
        if (el.scrollHeight <= el.clientHeight + 1) return false;
        return !el.closest('pre, textarea, .monaco-editor');
      })
      .map((el) => `<${el.tagName.toLowerCase()} id="${el.id}" class="${el.getAttribute('class') ?? ''}">`),
  );
}

/** The page scrolls as one area: taller than the screen, nothing inside scrolling on its own, nothing wider than it. */
async function expectOneScrollArea(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    height: document.scrollingElement!.scrollHeight,
    width: document.scrollingElement!.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  expect(size.height, 'the page is taller than the screen').toBeGreaterThan(size.innerHeight);
  expect(size.width, 'nothing is wider than the screen').toBeLessThanOrEqual(size.innerWidth);
  expect(await innerScrollers(page), 'elements with their own scroll area').toEqual([]);
}

/** The element's box lies inside the screen and a tap at its middle lands on it (nothing sticky covers it). */
async function expectOnScreen(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box, 'the element has a box').not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  const hit = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return at !== null && el.contains(at);
  });
  expect(hit, 'a tap at its middle reaches it').toBe(true);
}

/**
 * Taps the middle of an element that is on screen, as a finger would. (Playwright's click first scrolls the element
 * into view, and for a sticky element Chromium scrolls to where it would be unstuck: the very move a tap never makes.)
 */
async function tap(page: Page, target: Locator): Promise<void> {
  await expectOnScreen(page, target);
  const box = (await target.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** After scrolling down, the header still covers the top of the screen (sticky and opaque). */
async function expectHeaderOnTop(page: Page): Promise<void> {
  await expect.poll(() => scrollY(page)).toBeGreaterThan(0);
  await expectOnScreen(page, page.getByLabel('Playground title'));
  await expectOnScreen(page, runButton(page));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`phone, ${colorScheme}`, () => {
    test.use({ viewport: PHONE, colorScheme });

    test.beforeEach(async ({ page }) => {
      await page.goto('/');
      await runButton(page).waitFor();
      if (colorScheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
    });

    test('the header is one row with the title, More and Run; More opens the other controls and they work', async ({ page }) => {
      const header = page.getByRole('banner');
      const box = await header.boundingBox();
      expect(box!.height, 'header height').toBeLessThanOrEqual(64);
      await expectOnScreen(page, page.getByLabel('Playground title'));
      await expectOnScreen(page, runButton(page));
      await expect(more(page)).toHaveAttribute('aria-expanded', 'false');
      const others = [
        header.getByRole('button', { name: 'Playgrounds' }),
        header.getByRole('button', { name: 'Examples' }),
        header.getByRole('combobox', { name: 'Model', exact: true }),
        header.getByRole('combobox', { name: 'Agent type' }),
        header.getByRole('button', { name: 'Share' }),
        header.getByRole('button', { name: 'Export / Import' }),
        header.getByRole('combobox', { name: 'Theme' }),
      ];
      for (const control of others) await expect(control).toBeHidden();

      await more(page).click();
      await expect(more(page)).toHaveAttribute('aria-expanded', 'true');
      for (const control of others) await expectOnScreen(page, control);

      // Theme: the other one is applied to the page.
      await header.getByRole('combobox', { name: 'Theme' }).selectOption(colorScheme === 'dark' ? 'light' : 'dark');
      if (colorScheme === 'dark') await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
      else await expect(page.locator('html')).toHaveClass(/\bdark\b/);

      // Examples: the menu fits the screen and loads the example.
      await header.getByRole('button', { name: 'Examples' }).click();
      const menu = page.getByRole('menu', { name: 'Examples' });
      await expectOnScreen(page, menu);
      await menu.getByRole('menuitem', { name: 'Top products, with a plan and a mistake' }).click();
      await expect(page.getByLabel('Playground title')).toHaveValue('Top products, with a plan and a mistake');

      // Agent type: the run that follows is a tool-calling run (tool calls, no code).
      await header.getByRole('combobox', { name: 'Agent type' }).selectOption('tool-calling');
      await runButton(page).click();
      await expect(page.getByTestId('run-status')).toHaveText('Finished', SLOW);
      await expect(page.getByTestId('final-answer')).toHaveText('1. Carcassonne: 145 €\n2. Catan: 117 €\n3. Kind of Blue (vinyl): 84 €');
      await expect(page.getByTestId('tool-call').first()).toBeVisible();
      await expect(page.getByTestId('step-code')).toHaveCount(0);
      // Starting the run closed More: the header is one row again.
      await expect(more(page)).toHaveAttribute('aria-expanded', 'false');
      for (const control of others) await expect(control).toBeHidden();
      expect((await header.boundingBox())!.height, 'header height').toBeLessThanOrEqual(64);
    });

    test('the switch shows the playground or the run; Run switches to the run, whose steps show on the first screen', async ({ page }) => {
      const task = page.getByRole('textbox', { name: 'Task', exact: true });
      const empty = page.getByText('Press Run to watch the agent work.');
      await expect(viewTab(page, 'Playground')).toHaveAttribute('aria-selected', 'true');
      await expect(task).toBeVisible();
      await expect(empty).toBeHidden();

      await viewTab(page, 'Run').click();
      await expect(viewTab(page, 'Run')).toHaveAttribute('aria-selected', 'true');
      await expect(empty).toBeVisible();
      await expect(task).toBeHidden();

      await viewTab(page, 'Playground').click();
      await expect(task).toBeVisible();
      await expect(empty).toBeHidden();

      await runButton(page).click();
      await expect(viewTab(page, 'Run')).toHaveAttribute('aria-selected', 'true');
      await expect(task).toBeHidden();
      await expect(page.getByTestId('final-answer')).toHaveText('Cairo: 34 °C (93.2 °F)', SLOW);
      await expect(page.getByTestId('step')).toHaveCount(2);
      // The first step starts on the first screen, under the summary, with room to read it.
      const step = await page.getByRole('article', { name: 'Step 1' }).boundingBox();
      expect(step!.y).toBeLessThan(PHONE.height / 2);
      await expect(page.getByTestId('step-thought').first()).toBeInViewport();

      await expectOneScrollArea(page);
      await page.getByRole('article', { name: 'Step 2' }).getByTestId('step-final-answer').scrollIntoViewIfNeeded();
      await expect(page.getByRole('article', { name: 'Step 2' }).getByTestId('step-final-answer')).toBeInViewport();
      await expectHeaderOnTop(page);

      // The playground is where it was left.
      await tap(page, viewTab(page, 'Playground'));
      await expect(task).toBeVisible();
      expect(await scrollY(page)).toBe(0);
    });

    test('each tab scrolls the page itself and keeps its own place; the tabs stay in reach', async ({ page }) => {
      await page.getByRole('tab', { name: 'Tools' }).click();
      await expect(page.locator('.monaco-editor')).toBeVisible(SLOW);
      await expect(page.getByTestId('tool-item')).toHaveCount(2);
      await expectOneScrollArea(page);

      // Scroll down to the tool list (below the editor, so the wheel moves the page).
      await page.mouse.move(PHONE.width / 2, PHONE.height - 40);
      await page.mouse.wheel(0, 400);
      await expect.poll(() => scrollY(page)).toBeGreaterThan(100);
      const toolsAt = await scrollY(page);
      await expectHeaderOnTop(page);
      await tap(page, page.getByRole('tab', { name: 'Prompt' }));
      await expect(page.getByRole('tabpanel', { name: 'Prompt' })).toBeVisible();
      await expect.poll(() => scrollY(page), { message: 'Prompt opens at its top' }).toBe(0);
      await expectOneScrollArea(page);

      // The Prompt is long: scrolled down, its tabs are still one tap away.
      await page.mouse.wheel(0, 600);
      await expect.poll(() => scrollY(page)).toBeGreaterThan(300);
      await tap(page, page.getByRole('tab', { name: 'Tools' }));
      await expect(page.locator('.monaco-editor')).toBeVisible(SLOW);
      await expect.poll(() => scrollY(page), { message: 'Tools is back where it was' }).toBe(toolsAt);

      await tap(page, page.getByRole('tab', { name: 'Settings' }));
      await expect(page.getByRole('tabpanel', { name: 'Settings' })).toBeVisible();
      await expect.poll(() => scrollY(page), { message: 'Settings opens at its top' }).toBe(0);
      await expectOneScrollArea(page);
    });

    test('in Manual mode, "Send as the model" is on screen without scrolling and stays there while the turn is read', async ({ page }) => {
      await more(page).click();
      await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('manual');
      await more(page).click();
      await runButton(page).click();
      await expect(viewTab(page, 'Run')).toHaveAttribute('aria-selected', 'true');
      const composer = page.getByTestId('manual-composer');
      const send = composer.getByRole('button', { name: 'Send as the model' });
      await expect(send).toBeVisible(SLOW);
      await expectOnScreen(page, send);
      await expectOneScrollArea(page);

      // Reading the messages at the composer's top: the send button sticks to the bottom of the screen.
      await composer.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120));
      await expect(composer.getByText('What the model receives')).toBeInViewport();
      await expectOnScreen(page, send);

      await composer.getByRole('textbox', { name: 'Your answer' }).fill('Thought: done.\n```js\nfinal_answer("from the phone")\n```');
      await expectOnScreen(page, send);
      await send.click();
      await expect(page.getByTestId('final-answer')).toHaveText('from the phone', SLOW);
      await expect(composer).toBeHidden();
    });
  });
}

const MANY_TOOLS = Array.from(
  { length: 8 },
  (_, i) => `/**
 * Adds ${i} to a number.
 * @param x The number.
 */
export function add_${i}(x: number): number {
  return x + ${i};
}
`,
).join('\n');

test.describe('phone, with an MCP server', () => {
  test.use({ viewport: PHONE });

  test('Settings with a connected MCP server and its tools, and the Tools tab listing them, fit the screen', async ({ page }) => {
    // The loopback MCP test server Playwright starts on 3921 (playwright.config.ts).
    await openWithPlayground(page, {
      version: 1,
      task: 'x',
      tools: '/** Adds. @param a A number. */\nexport function add(a: number): number { return a; }\n',
      mcpServers: [{ name: 'weather_service_with_a_long_name', url: 'http://127.0.0.1:3921/mcp' }],
    });
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect(page.getByTestId('mcp-status')).toContainText('Connected', SLOW);
    await expectOneScrollArea(page);
    await page.getByRole('tab', { name: /^Tools/ }).click();
    await expect(page.getByText('MCP · weather_service_with_a_long_name').first()).toBeVisible();
    await expectOneScrollArea(page);
  });
});

test.describe('desktop', () => {
  test.use({ viewport: DESKTOP });

  test('the header keeps every control in its one row; there is no More and no view switch', async ({ page }) => {
    await page.goto('/');
    await runButton(page).waitFor();
    const header = page.getByRole('banner');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    await expect(more(page)).toBeHidden();
    await expect(page.getByRole('tablist', { name: 'View' })).toBeHidden();
    for (const name of ['Playgrounds', 'Examples', 'Share', 'Export / Import']) await expectOnScreen(page, header.getByRole('button', { name }));
    await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toBeVisible();
    await expect(page.getByText('Press Run to watch the agent work.')).toBeVisible();
  });

  test('each editor tab keeps its own scroll position; a tab opened the first time starts at the top', async ({ page }) => {
    await openWithPlayground(page, { version: 1, title: 'Many tools', task: 'Add 1 to 2.', tools: MANY_TOOLS, model: { provider: 'replay', responses: [] } });
    const panel = page.getByRole('tabpanel');
    const top = () => panel.evaluate((el) => el.scrollTop);
    await page.getByRole('tab', { name: 'Tools' }).click();
    await expect(page.locator('.monaco-editor')).toBeVisible(SLOW);
    await expect(page.getByTestId('tool-item')).toHaveCount(8);
    const box = (await panel.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 40);
    await page.mouse.wheel(0, 500);
    await expect.poll(top).toBeGreaterThan(200);
    const toolsAt = await top();
    expect(await scrollY(page), 'the page itself does not scroll').toBe(0);

    await page.getByRole('tab', { name: 'Prompt' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Prompt' })).toBeVisible();
    await expect.poll(top, { message: 'Prompt opens at its top' }).toBe(0);

    await page.getByRole('tab', { name: 'Tools' }).click();
    await expect(page.locator('.monaco-editor')).toBeVisible(SLOW);
    await expect.poll(top, { message: 'Tools is back where it was' }).toBe(toolsAt);

    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect.poll(top, { message: 'Settings opens at its top' }).toBe(0);
  });

  test('the title input shows the whole title of each bundled example', async ({ page }) => {
    await page.goto('/');
    await runButton(page).waitFor();
    const title = page.getByLabel('Playground title');
    expect(EXAMPLE_TITLES.length).toBeGreaterThanOrEqual(4);
    for (const name of EXAMPLE_TITLES) {
      await openExample(page, name);
      await expect(title).toHaveValue(name);
      const fit = await title.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(fit.scroll, `“${name}” fits its box`).toBeLessThanOrEqual(fit.client);
    }
  });
});
