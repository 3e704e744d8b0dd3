// Links to a step: a share link (`…&step=N`) and the app's own address (`#step=N`) open the run at that step.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, freshPage, openWithPlayground } from './support';

const STEPS = 30;
/** Long enough that the last steps sit far below the first screen. */
const longRun = {
  version: 1 as const,
  title: 'Counting',
  task: 'Count to thirty, one step at a time.',
  tools: ADD_TOOL,
  agent: { type: 'code' as const, maxSteps: STEPS + 2 },
  model: {
    provider: 'replay' as const,
    delayMs: 0,
    responses: [...Array.from({ length: STEPS - 1 }, (_, i) => fence(`console.log("counted ${i + 1}", add(${i}, 1));`, `Thought: count ${i + 1}.`)), fence('final_answer("done")')],
  },
};

async function runToEnd(page: Page) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
}

/** The step is on screen, has focus, and shows its model input. */
async function expectShown(page: Page, step: number) {
  const card = page.getByRole('article', { name: `Step ${step}`, exact: true });
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  await expect(card.getByRole('button', { name: 'Model input and raw output' })).toHaveAttribute('aria-expanded', 'true');
  await expect(card.getByRole('group', { name: 'Raw model output' })).toBeVisible();
}

test('a share link that names a step opens the run there for a stranger', async ({ page, browser, baseURL }) => {
  await openWithPlayground(page, longRun);
  await runToEnd(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this playground' });
  const at = dialog.getByRole('textbox', { name: 'Open at step' });
  await at.fill('31');
  await expect(dialog.getByTestId('share-step-help')).toHaveText('This run has no step 31: its steps are 1 to 30. The link below opens at the start.');
  await expect(at).toHaveAttribute('aria-invalid', 'true');
  expect(await dialog.getByRole('textbox', { name: 'Link' }).inputValue()).not.toContain('step=');
  await at.fill('27');
  await expect(dialog.getByTestId('share-step-help')).toHaveText('The link opens the run at step 27, with its model input shown.');
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toMatch(/&step=27$/);

  const stranger = await freshPage(browser, baseURL);
  await stranger.page.goto(link);
  await expectShown(stranger.page, 27);
  await expect(stranger.page.getByRole('article', { name: 'Step 27', exact: true }).getByTestId('step-observation')).toContainText('counted 27');
  // The share part is taken out of the address; the step stays named.
  expect(new URL(stranger.page.url()).hash).toBe('#step=27');
  await stranger.close();
});

test('each step has a link to itself; the address names a step of the run on screen, or says why it can’t', async ({ page }) => {
  await openWithPlayground(page, longRun);
  await runToEnd(page);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.getByRole('link', { name: 'Link to step 29', exact: true }).click();
  await expectShown(page, 29);
  expect(new URL(page.url()).hash).toBe('#step=29');

  // Typed into the address bar: the page stays, the step shows.
  await page.evaluate(() => (location.hash = 'step=4'));
  await expectShown(page, 4);

  await page.evaluate(() => (location.hash = 'step=40'));
  await expect(page.getByTestId('step-link-problem')).toHaveText(/This run has no step 40: its steps are 1 to 30\./);
  await page.getByTestId('step-link-problem').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('step-link-problem')).toHaveCount(0);
});

test('a step named before any run is on screen says what to do', async ({ page }) => {
  await page.goto('/#step=2');
  await expect(page.getByTestId('step-link-problem')).toHaveText(/Step 2 was asked for, but no run is on screen\./);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await page.getByRole('link', { name: 'Link to step 2', exact: true }).click();
  await expectShown(page, 2);
});
