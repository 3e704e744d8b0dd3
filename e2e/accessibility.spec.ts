import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the ${scheme} theme, before and after a run`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByTestId('run-status')).toHaveText('Finished');
    await page.getByRole('article', { name: 'Step 1' }).getByRole('button', { name: 'Model input and raw output' }).click();
    expect(await seriousViolations(page)).toEqual([]);

    for (const tab of ['Tools', 'Settings', 'Prompt']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
      expect(await seriousViolations(page), `${tab} tab`).toEqual([]);
    }
  });
}

test('the theme follows the system and can be set by hand; the choice is kept', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('the manual composer passes axe too', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Model').selectOption('manual');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('manual-composer')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
