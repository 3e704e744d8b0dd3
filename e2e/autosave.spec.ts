import { expect, test } from './fixtures';
import { openExample, seedStorage, STORAGE_KEY } from './support';

test('a reload keeps every edit', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Playground title').fill('My forecast agent');
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Is Oslo warmer than Lisbon?');
  await page.getByLabel('Agent type').selectOption('tool-calling');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Max steps').fill('7');
  await page.getByLabel('Time limit per step (ms)').fill('5');
  await expect(page.getByText('Enter a whole number from 100 to 600,000.')).toBeVisible();
  await page.reload();

  await expect(page.getByLabel('Playground title')).toHaveValue('My forecast agent');
  await expect(page.getByLabel('Agent type')).toHaveValue('tool-calling');
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Max steps')).toHaveValue('7');
  // The invalid value was never saved: the last valid one is.
  await expect(page.getByLabel('Time limit per step (ms)')).toHaveValue('10000');
  await page.getByRole('tab', { name: 'Task' }).click();
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('Is Oslo warmer than Lisbon?');
});

test('corrupted storage is kept aside, the person is told, and the app starts with defaults', async ({ page }) => {
  await seedStorage(page, { [STORAGE_KEY]: '{"version": 1, "state": {"doc": {"title": "half a save' });
  await page.goto('/');

  const notice = page.getByTestId('storage-notice');
  await expect(notice).toContainText('could not be opened: it is not valid JSON');
  const backupKey = (await notice.textContent())!.match(/“(agent-playground:backup:[^”]+)”/)![1]!;
  expect(await page.evaluate((key) => localStorage.getItem(key), backupKey)).toBe('{"version": 1, "state": {"doc": {"title": "half a save');
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('Cairo: 34 °C (93.2 °F)');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toBeHidden();
});

test('an example opens as a new playground, and Undo goes back to the one before', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('My own task');
  await openExample(page, 'A manager and its librarian');
  await expect(page.getByLabel('Playground title')).toHaveValue('A manager and its librarian');
  await page.getByTestId('example-notice').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Task', exact: true })).toHaveValue('My own task');
});
