// The first-visit tour and the How it works page: an offer that never gets in the way, four callouts on the real
// elements, a choice that is remembered, and a page that explains the loop to someone who never saw one.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function open(page: Page, size = DESKTOP, scheme: 'light' | 'dark' = 'light') {
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
}

/** Two frames after the app showed: the stored answer has been read and rendered by then. */
async function settled(page: Page) {
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function expectAxeClean(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), state).toEqual([]);
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every visible control outside the offer whose box the offer's box overlaps. */
async function controlsUnder(page: Page) {
  return page.getByTestId('tour-offer').evaluate((offer) => {
    const o = offer.getBoundingClientRect();
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="tab"], [tabindex]:not([tabindex="-1"])');
    return Array.from(controls)
      .filter((el) => !offer.contains(el) && el.getClientRects().length > 0)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom;
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName);
  });
}

const callout = (page: Page) => page.getByRole('dialog');

for (const [name, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  test(`${name}: a first visit offers the tour without covering a control or taking the focus`, async ({ page }) => {
    await open(page, size);
    const offer = page.getByRole('region', { name: 'Tour' });
    await expect(offer).toContainText('New here? Take the 1-minute tour');
    await expect(offer.getByRole('button', { name: 'Take the tour' })).toBeVisible();
    await expect(offer.getByRole('button', { name: 'No thanks' })).toBeVisible();
    expect(await controlsUnder(page)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    // The page works with the offer there: a run goes through.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The first run of a freshly started server loads the sandbox; on the shared test machine that can take a while.
    await expect(page.getByTestId('run-status')).toHaveText('Finished', { timeout: 30_000 });
  });
}

test('No thanks hides the offer, and it stays hidden after a reload', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'No thanks' }).click();
  await expect(page.getByTestId('tour-offer')).toHaveCount(0);
  // Focus goes on to the next control rather than to the top of the page.
  await expect(page.getByRole('tab', { name: 'Task' })).toBeFocused();
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('tour-offer')).toHaveCount(0);
  await expect(callout(page)).toHaveCount(0);
});

test('desktop: the tour walks four callouts on the real elements, Back goes back, Finish ends it for good', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Take the tour' }).click();
  await expect(page.getByTestId('tour-offer')).toHaveCount(0);

  // 1. The task.
  const one = page.getByRole('dialog', { name: 'The task' });
  await expect(one).toBeVisible();
  await expect(one).toBeFocused();
  await expect(one).toHaveAttribute('aria-modal', 'false');
  const task = page.getByRole('textbox', { name: 'Task', exact: true });
  await expect(task).toBeInViewport();
  expect(overlap(await box(one), await box(task))).toBe(false);
  await expect(one.getByRole('button', { name: 'Back' })).toHaveCount(0);

  // 2. The tools as the model sees them: the Prompt tab opens at the system prompt.
  await one.getByRole('button', { name: 'Next' }).click();
  const two = page.getByRole('dialog', { name: 'The tools, as the model sees them' });
  await expect(two).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Prompt' })).toHaveAttribute('aria-selected', 'true');
  const prompt = page.getByTestId('system-prompt');
  await expect(prompt).toBeInViewport();
  await expect(prompt).toContainText('get_forecast');
  expect(overlap(await box(two), await box(prompt))).toBe(false);

  await two.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('dialog', { name: 'The task' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Task' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();

  // 3. Run: nothing has run yet, so the callout says to press Run; the person presses the real button.
  const three = page.getByRole('dialog', { name: 'Run', exact: true });
  await expect(three).toBeFocused();
  await expect(three).toContainText('Press Run now');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeInViewport();
  expect(overlap(await box(three), await box(run))).toBe(false);
  await run.click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(three).not.toContainText('Press Run now');

  // 4. One step card: thought → code → observation, with the link to the page that explains the loop.
  await three.getByRole('button', { name: 'Next' }).click();
  const four = page.getByRole('dialog', { name: 'One step: thought → code → observation' });
  await expect(four).toBeFocused();
  const card = page.getByRole('article', { name: 'Step 1' });
  await expect(card).toBeInViewport();
  for (const part of ['step-thought', 'step-code', 'step-observation']) await expect(card.getByTestId(part)).toBeVisible();
  await expect(four.getByRole('link', { name: 'How the agent loop works' })).toHaveAttribute('href', '/how-it-works');
  await four.getByRole('button', { name: 'Finish' }).click();
  await expect(callout(page)).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toBeFocused();

  await page.reload();
  await settled(page);
  await expect(page.getByTestId('tour-offer')).toHaveCount(0);
  await expect(callout(page)).toHaveCount(0);
});

test('phone: the tour shows each target on screen and runs the example for the last callout', async ({ page }) => {
  await open(page, PHONE);
  await page.getByRole('button', { name: 'Take the tour' }).click();
  await expect(page.getByRole('dialog', { name: 'The task' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toBeInViewport();
  await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('dialog', { name: 'The tools, as the model sees them' })).toBeInViewport();
  await expect(page.getByTestId('system-prompt')).toBeInViewport();
  await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
  const three = page.getByRole('dialog', { name: 'Run', exact: true });
  await expect(three).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeInViewport();
  await three.getByRole('button', { name: 'Run it for me' }).click();
  // The first run of this page loads the sandbox; on the shared test machine that can take a while.
  await expect(page.getByTestId('run-status')).toHaveText('Finished', { timeout: 30_000 });

  const four = page.getByRole('dialog', { name: 'One step: thought → code → observation' });
  await expect(four).toBeInViewport();
  // The phone switches to the run, where the first step card is.
  await expect(page.getByRole('tab', { name: 'Run', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Step 1' }).getByTestId('step-code')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Step 1' })).toBeInViewport();
  await expect(four).not.toContainText('No step yet');

  // The last callout leads to the page that explains the loop; that finishes the tour.
  await four.getByRole('link', { name: 'How the agent loop works' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the agent loop works');
  await page.getByRole('link', { name: 'Back to the playground' }).first().click();
  await settled(page);
  await expect(callout(page)).toHaveCount(0);
  await expect(page.getByTestId('tour-offer')).toHaveCount(0);
});

test('Escape ends the tour with the focus on what the callout showed; End tour ends it too; neither comes back', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Take the tour' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('dialog', { name: 'The tools, as the model sees them' })).toBeFocused();
  await expect(page.getByTestId('system-prompt')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(callout(page)).toHaveCount(0);
  await expect(page.getByTestId('system-prompt')).toBeFocused();
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('tour-offer')).toHaveCount(0);

  // A fresh browser: End tour from the first callout.
  await page.evaluate(() => localStorage.removeItem('agent-playground:tour'));
  await page.reload();
  await page.getByRole('button', { name: 'Take the tour' }).click();
  await page.getByRole('dialog', { name: 'The task' }).getByRole('button', { name: 'End tour' }).click();
  await expect(callout(page)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toBeFocused();
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('tour-offer')).toHaveCount(0);
});

test('How it works: a diagram with its text alternative, one heading per part in order, links both ways', async ({ page }) => {
  await open(page);
  await page.getByRole('link', { name: 'How it works' }).click();
  await expect(page).toHaveURL(/\/how-it-works$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the agent loop works');
  const diagram = page.getByRole('img', { name: 'The agent loop' });
  await expect(diagram).toBeVisible();
  await expect(diagram).toHaveAccessibleDescription(/The task goes to the model\..*sandbox runs the code.*observation.*final_answer\(x\)/);
  const headings = await page.locator('h1, h2, h3, h4').evaluateAll((els) => els.map((e) => `${e.tagName} ${e.textContent}`));
  expect(headings).toEqual([
    'H1 How the agent loop works',
    'H2 The task',
    'H2 The model thinks',
    'H2 The code',
    'H2 The sandbox runs your tools',
    'H2 The observation',
    'H2 The final answer',
    'H2 CodeAgent and ToolCallingAgent',
  ]);
  await expect(page.getByRole('region', { name: 'CodeAgent and ToolCallingAgent' })).toContainText('ToolCallingAgent instead asks for one tool call at a time');

  // Loaded on its own (no playground script before it), under the page's CSP: the fixture fails on any console error.
  await page.reload();
  await expect(diagram).toBeVisible();
  await page.getByRole('link', { name: 'Back to the playground' }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
});

test('How it works shows the theme chosen in the playground, not only the system’s', async ({ page }) => {
  await open(page); // the system says light
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('link', { name: 'How it works' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the agent loop works');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  const background = await page.locator('body > div').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
});

test('phone: How it works is in the More menu; the page’s tour link starts the tour again', async ({ page }) => {
  await open(page, PHONE);
  await page.getByRole('button', { name: 'No thanks' }).click();
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('link', { name: 'How it works' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the agent loop works');
  await page.getByRole('link', { name: 'Take the tour of the playground' }).click();
  await expect(page.getByRole('dialog', { name: 'The task' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe (${scheme}): the offer, a callout and the How it works page`, async ({ page }) => {
    await open(page, DESKTOP, scheme);
    await expect(page.getByRole('region', { name: 'Tour' })).toBeVisible();
    await expectAxeClean(page, 'offer');
    await page.getByRole('button', { name: 'Take the tour' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('dialog', { name: 'The tools, as the model sees them' })).toBeVisible();
    await expectAxeClean(page, 'callout on the Prompt tab');
    await page.getByRole('dialog').getByRole('button', { name: 'End tour' }).click();
    await page.goto('/how-it-works');
    await expect(page.getByRole('img', { name: 'The agent loop' })).toBeVisible();
    await expectAxeClean(page, 'How it works');
  });
}
