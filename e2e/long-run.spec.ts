import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground } from './support';

test('a 1,000-step run renders only the steps in view and scrolls to its last step', async ({ page }) => {
  const responses = Array.from({ length: 999 }, (_, i) => fence(`console.log("step", add(${i}, 1));`, `Thought: counting, ${i + 1}.`));
  responses.push(fence('final_answer("counted to 1000");'));
  await openWithPlayground(page, { version: 1, title: 'Long run', task: 'Count.', tools: ADD_TOOL, agent: { maxSteps: 1_000 }, model: { provider: 'replay', responses } });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('counted to 1000', { timeout: 60_000 });
  await expect(page.getByTestId('run-steps')).toHaveText('1000');

  // Virtualized: a handful of cards in the document, not a thousand.
  expect(await page.getByTestId('step').count()).toBeLessThan(30);
  await expect(page.getByRole('article', { name: 'Step 1000' })).toBeVisible();

  const timeline = page.getByTestId('timeline');
  await timeline.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(page.getByTestId('step').first()).toBeVisible();
  const middle = Number(await page.getByTestId('step').first().getAttribute('data-step'));
  expect(middle).toBeGreaterThan(300);
  expect(middle).toBeLessThan(700);
  await expect(page.getByRole('article', { name: `Step ${middle + 1}` }).getByTestId('step-observation')).toContainText(`step ${middle + 1}`);

  await timeline.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(page.getByRole('article', { name: 'Step 1', exact: true })).toBeVisible();
  expect(await page.getByTestId('step').count()).toBeLessThan(30);
});
