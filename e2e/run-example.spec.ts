import { expect, test } from './fixtures';
import { openExample } from './support';

test('a new user sees an example, runs it, and watches steps with code, tool calls and observations reach the final answer', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue(/^Which of Lisbon, Oslo and Cairo/);
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByTestId('final-answer')).toHaveText('Cairo: 34 °C (93.2 °F)');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  const steps = page.getByTestId('step');
  await expect(steps).toHaveCount(2);
  const first = steps.nth(0);
  await expect(first.getByTestId('step-thought')).toContainText('I need tomorrow');
  await expect(first.getByTestId('step-code')).toContainText('await get_forecast(city, 1)');
  await expect(first.getByTestId('tool-call')).toHaveCount(3);
  await expect(first.getByTestId('tool-call').first().getByTestId('tool-call-name')).toHaveText('get_forecast');
  await expect(first.getByTestId('tool-call').first().getByTestId('tool-call-args')).toHaveText('("Lisbon", 1)');
  await expect(first.getByTestId('tool-call').first().getByTestId('tool-call-result')).toContainText('"highC"');
  await expect(first.getByTestId('step-observation').or(first.getByTestId('step-logs')).first()).toContainText('Cairo');
  await expect(first.getByTestId('step-tokens')).toHaveText(/\d+ \/ \d+ \(est\.\)/);
  await expect(steps.nth(1).getByTestId('step-final-answer')).toHaveText('Cairo: 34 °C (93.2 °F)');
});

test('the managed-agent example shows the librarian’s steps nested under the manager', async ({ page }) => {
  await page.goto('/');
  await openExample(page, 'A manager and its librarian');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toContainText('The Left Hand of Darkness (304 pages) is the longest, 121 pages longer');
  const team = page.getByTestId('managed-run').first();
  await expect(team).toContainText('Team member librarian');
  await expect(team.getByRole('article', { name: 'librarian · Step 2' })).toBeVisible();
  await team.getByRole('button', { name: /Team member librarian/ }).click();
  await expect(team.getByRole('article', { name: 'librarian · Step 2' })).toBeHidden();
});

test('every response carries the cross-origin isolation headers', async ({ page, request }) => {
  const response = await request.get('/');
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  await page.goto('/');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
});
