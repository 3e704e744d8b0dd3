// The waterfall of a run with a team member: bars for the model calls, the code, the tool calls and the member's run
// nested under the step that called it; exact figures on hover and focus; the same as a table; a bar opens its step.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openExample, openWithPlayground } from './support';

async function runLibrarian(page: Page) {
  await page.goto('/');
  await openExample(page, 'A manager and its librarian');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toContainText('The Left Hand of Darkness (304 pages) is the longest', { timeout: 30_000 });
}

async function openWaterfall(page: Page) {
  const toggle = page.getByRole('button', { name: 'Waterfall', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('waterfall-chart')).toBeVisible();
}

test('the waterfall draws the model calls, code, tool calls and the team member’s run nested under its step', async ({ page }) => {
  await runLibrarian(page);
  const stepNames = await page.getByTestId('step').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
  expect(stepNames).toEqual(['Step 1', 'librarian · Step 1', 'librarian · Step 2', 'Step 2']);
  await openWaterfall(page);
  await expect(page.getByTestId('step')).toHaveCount(0);

  const chart = page.getByTestId('waterfall-chart');
  const bar = (name: RegExp) => chart.getByRole('button', { name });
  await expect(bar(/^Step 1, model call: starts at \d+ ms, lasts [\d.]+ m?s, first token after \d+ ms, tokens [\d,]+ in \/ [\d,]+ out \(estimated\), ok$/)).toBeVisible();
  await expect(bar(/^Step 1, code: /)).toBeVisible();
  await expect(bar(/^Step 1, team member librarian: .*tokens [\d,]+ in/)).toBeVisible();
  await expect(bar(/^librarian · Step 1, tool call search_catalogue: /)).toBeVisible();
  await expect(bar(/^librarian · Step 2, tool call get_book: /)).toHaveCount(2);
  await expect(bar(/^Step 2, model call: /)).toBeVisible();
  for (const part of ['model', 'code', 'tool', 'member']) await expect(chart.locator(`[data-testid="waterfall-bar"][data-part="${part}"]`).first()).toBeVisible();

  // Nested: the member's rows sit one level in, between the manager's call and its next step.
  const rows = await chart.getByTestId('waterfall-row').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-depth')} ${el.textContent?.replace('↳ ', '').trim()}`));
  expect(rows).toEqual([
    '0 Step 1',
    '0 librarian',
    '1 librarian · Step 1',
    '1 search_catalogue',
    '1 librarian · Step 2',
    '1 get_book',
    '1 get_book',
    '0 Step 2',
  ]);

  // One axis: the member's first model call starts inside the manager's call to it.
  const box = async (name: RegExp) => (await bar(name).boundingBox())!;
  const member = await box(/^Step 1, team member librarian/);
  const inner = await box(/^librarian · Step 1, model call/);
  const step2 = await box(/^Step 2, model call/);
  expect(inner.x).toBeGreaterThanOrEqual(member.x - 1);
  expect(inner.x + inner.width).toBeLessThanOrEqual(member.x + member.width + 1);
  expect(step2.x).toBeGreaterThanOrEqual(member.x + member.width - 1);

  // Exact figures on hover, and on keyboard focus.
  await bar(/^Step 2, model call/).hover();
  await expect(page.getByRole('tooltip')).toContainText(/Step 2 · model call\s*starts at [\d.]+ m?s, lasts/);
  await bar(/^librarian · Step 1, tool call search_catalogue/).focus();
  await expect(page.getByRole('tooltip')).toHaveText(/librarian · Step 1 · tool call search_catalogue\s*starts at .*, ok$/);
  await expect(bar(/^librarian · Step 1, tool call search_catalogue/)).toHaveAttribute('aria-describedby', /waterfall-tip-/);
});

test('the waterfall’s table lists the same steps and parts, with start, duration, tokens and status', async ({ page }) => {
  await runLibrarian(page);
  await openWaterfall(page);
  const barNames = await page.getByTestId('waterfall-bar').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!.split(':')[0]));

  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Table', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const table = page.getByRole('table', { name: /Every part of every step, timed from the run’s start/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Step', 'Part', 'Start', 'Duration', 'Tokens', 'Status']);

  const lines = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  const cells = await lines.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
  // Each bar of the chart is a line of the table, in the same order.
  expect(cells.map(([step, part]) => `${step}, ${part!.replace(/ \(first token after .*\)$/, '')}`)).toEqual(barNames);
  expect([...new Set(cells.map(([step]) => step))]).toEqual(['Step 1', 'librarian · Step 1', 'librarian · Step 2', 'Step 2']);
  const memberLine = cells.find(([, part]) => part === 'team member librarian')!;
  expect(memberLine[2]).toMatch(/^\d+ ms$|^[\d.]+ s$/);
  expect(memberLine[3]).toMatch(/^\d+ ms$|^[\d.]+ s$/);
  expect(memberLine[4]).toMatch(/^[\d,]+ in \/ [\d,]+ out \(estimated\)$/);
  expect(memberLine[5]).toBe('ok');
  expect(cells.find(([step, part]) => step === 'Step 2' && part!.startsWith('model call'))![1]).toMatch(/\(first token after \d+ ms\)$/);

  // The table's step button opens the card too.
  await table.getByRole('button', { name: 'librarian · Step 2' }).first().click();
  await expect(page.getByRole('button', { name: 'Waterfall', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('article', { name: 'Step 1', exact: true })).toBeFocused();
});

test('a click on a bar, or Enter on it, opens that step’s card in the list', async ({ page }) => {
  await runLibrarian(page);
  await openWaterfall(page);
  await page.getByRole('button', { name: /^Step 2, model call/ }).click();
  await expect(page.getByRole('button', { name: 'Waterfall', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('article', { name: 'Step 2', exact: true })).toBeFocused();
  await expect(page.getByRole('article', { name: 'Step 2', exact: true })).toBeInViewport();

  await page.getByRole('button', { name: 'Waterfall', exact: true }).click();
  // Arrow keys move between rows; Enter opens the step of the row reached (a member's row opens its manager's step).
  await page.getByRole('button', { name: /^Step 1, model call/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /^Step 1, team member librarian/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /^librarian · Step 1, model call/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Step 1', exact: true })).toBeFocused();
});

test('axe: the waterfall and its table, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await runLibrarian(page);
    await openWaterfall(page);
    await page.getByRole('button', { name: /^Step 2, model call/ }).hover();
    await expect(page.getByRole('tooltip')).toBeVisible();
    for (const state of ['chart', 'table']) {
      if (state === 'table') await page.getByRole('button', { name: 'Table', exact: true }).click();
      const results = await new AxeBuilder({ page }).include('[data-testid="waterfall"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${scheme} ${state}`).toEqual([]);
    }
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByRole('button', { name: 'Waterfall', exact: true }).click();
  }
});

test('a failing tool call and the code that threw are red, marked ✕ and said as errors, in the chart and the table', async ({ page }) => {
  const tools = `${ADD_TOOL}
/**
 * Looks a city up; knows none.
 * @param city The city.
 */
export function find_city(city: string): string {
  throw new Error("no such city: " + city);
}
`;
  await openWithPlayground(page, {
    version: 1,
    title: 'Failing tool',
    task: 'Find Atlantis.',
    tools,
    model: { provider: 'replay', responses: [fence('find_city("Atlantis");'), fence('final_answer("not found")')] },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('not found');
  await openWaterfall(page);
  const chart = page.getByTestId('waterfall-chart');
  await expect(chart.getByRole('button', { name: /^Step 1, tool call find_city: .*, error: no such city: Atlantis$/ })).toHaveAttribute('data-status', 'error');
  await expect(chart.getByRole('button', { name: /^Step 1, code: .*, error: ToolError: find_city failed: no such city: Atlantis$/ })).toHaveAttribute('data-status', 'error');
  await expect(chart.getByText('✕')).toHaveCount(2);
  await expect(chart.getByRole('button', { name: /^Step 2, code: .*, ok$/ })).toHaveAttribute('data-status', 'ok');
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByTestId('waterfall-table-row').filter({ hasText: 'tool call find_city' })).toContainText('error: no such city: Atlantis');
});

test('on a 1,000-step run only the rows in view are drawn, and a bar of the last step opens its card', async ({ page }) => {
  test.setTimeout(120_000);
  const responses = Array.from({ length: 999 }, (_, i) => fence(`console.log(add(${i}, 1));`));
  responses.push(fence('final_answer("counted to 1000");'));
  await openWithPlayground(page, { version: 1, title: 'Long run', task: 'Count.', tools: ADD_TOOL, agent: { maxSteps: 1_000 }, model: { provider: 'replay', responses } });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('counted to 1000', { timeout: 60_000 });
  await openWaterfall(page);
  const rows = page.getByTestId('waterfall-row');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '1999');
  expect(await rows.count()).toBeLessThan(80);

  const timeline = page.getByTestId('timeline');
  await timeline.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = page.getByRole('button', { name: /^Step 1000, model call/ });
  await expect(last).toBeVisible();
  expect(await rows.count()).toBeLessThan(80);
  await last.click();
  await expect(page.getByRole('article', { name: 'Step 1000', exact: true })).toBeFocused();
  await expect(page.getByRole('article', { name: 'Step 1000', exact: true })).toBeInViewport();

  // From the far end back to the first step: the list scrolls there through its own virtualizer.
  await page.getByRole('button', { name: 'Waterfall', exact: true }).click();
  await timeline.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.getByRole('button', { name: /^Step 1, model call/ }).click();
  await expect(page.getByRole('article', { name: 'Step 1', exact: true })).toBeFocused();
});
