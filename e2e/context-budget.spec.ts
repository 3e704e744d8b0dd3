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

  // Run starts a new run: its first call is the system prompt and the task.
  await page.getByRole('tab', { name: 'Prompt' }).click();
  const next = page.getByTestId('next-call-context');
  await expect(next).toContainText('The next model call (a new run)');
  await expect(next.getByRole('img', { name: /^Context/ })).toHaveAccessibleName(/^Context: [\d,]+ tokens \(estimated; context window unknown\): system prompt [\d,]+, task [\d,]+$/);

  // A paused run's next call carries its steps: step 1 as new.
  await page.getByRole('checkbox', { name: 'Step through' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Paused after step 1');
  await expect(next).toContainText('The next model call (step 2 of the paused run)');
  await expect(next.getByTestId('context-part').first()).toHaveAttribute('data-kind', 'system');
  await expect(next.getByRole('img', { name: /^Context/ })).toHaveAccessibleName(/system prompt [\d,]+, task [\d,]+, new: step 1 [\d,]+$/);
});
