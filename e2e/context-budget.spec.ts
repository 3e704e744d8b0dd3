// The context budget: each step's model input as a bar (system prompt first), and the same for the next call.
import { expect, test } from './fixtures';

test('each step of the default example shows its context bar, system prompt first, and the Prompt tab shows the next call', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  const first = page.getByRole('article', { name: 'Step 1' });
  const second = page.getByRole('article', { name: 'Step 2' });
  const firstBar = first.getByRole('img', { name: /^Context/ });
  await expect(firstBar).toHaveAccessibleName(/^Context: [\d,]+ tokens \(estimated; context window unknown\): system prompt [\d,]+, task [\d,]+$/);
  const firstParts = first.getByTestId('context-part');
  await expect(firstParts.first()).toHaveAttribute('data-kind', 'system');
  await expect(firstParts.first()).toHaveAttribute('title', /^System prompt: [\d,]+ tokens/);
  await expect(firstParts).toHaveCount(2);

  // The second call also carries step 1, as what is new for it.
  const secondParts = second.getByTestId('context-part');
  await expect(secondParts.first()).toHaveAttribute('data-kind', 'system');
  await expect(secondParts).toHaveCount(3);
  await expect(secondParts.last()).toHaveAttribute('data-kind', 'new');
  await expect(second.getByRole('img', { name: /^Context/ })).toHaveAccessibleName(/new: step 1 [\d,]+$/);
  await expect(first.getByTestId('context-bar')).toContainText('estimated');

  // The next call would carry step 1 as an earlier step and step 2 as new.
  await page.getByRole('tab', { name: 'Prompt' }).click();
  const next = page.getByTestId('next-call-context');
  const nextParts = next.getByTestId('context-part');
  await expect(nextParts.first()).toHaveAttribute('data-kind', 'system');
  await expect(next.getByTestId('context-part').and(page.locator('[data-kind="step"]'))).toHaveCount(1);
  await expect(next.getByRole('img', { name: /^Context/ })).toHaveAccessibleName(/step 1 [\d,]+, new: step 2 [\d,]+$/);
});
