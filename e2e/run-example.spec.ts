import { expect, test } from './fixtures';

test('a bundled example runs offline in the browser, step by step, to its final answer', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Agent Playground' })).toBeVisible();
  await page.getByLabel('Example').selectOption({ label: 'Warmest city tomorrow' });
  await page.getByRole('button', { name: 'Run' }).click();

  await expect(page.getByTestId('final-answer')).toHaveText('Cairo: 34 °C (93.2 °F)');
  await expect(page.getByTestId('run-status')).toHaveText('success');
  const steps = page.getByTestId('step');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0).getByTestId('step-code')).toContainText('await get_forecast(city, 1)');
  await expect(steps.nth(0).getByTestId('tool-call')).toHaveCount(3);
  await expect(steps.nth(0).getByTestId('step-observation')).toContainText('Cairo');
});

test('the managed-agent example shows the librarian’s steps nested under the manager', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Example').selectOption({ label: 'A manager and its librarian' });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('final-answer')).toContainText('The Left Hand of Darkness (304 pages) is the longest, 121 pages longer');
  await expect(page.getByRole('heading', { name: 'librarian · Step 2 · action' })).toBeVisible();
});

test('every response carries the cross-origin isolation headers', async ({ page, request }) => {
  const response = await request.get('/');
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  await page.goto('/');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
});
