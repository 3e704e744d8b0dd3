import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground } from './support';

test('expanding a step shows the exact messages sent to the model, starting with the system prompt, and the raw output', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Prompt' }).click();
  const systemPrompt = await page.getByTestId('system-prompt').textContent();
  expect(systemPrompt).toContain('async function get_forecast(');
  await expect(page.getByTestId('prompt-section').first()).toContainText('rules and examples');
  await expect(page.getByTestId('prompt-section').filter({ hasText: 'get_forecast' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  const second = page.getByRole('article', { name: 'Step 2' });
  await second.getByRole('button', { name: 'Model input and raw output' }).click();
  const messages = second.getByTestId('model-message');
  await expect(messages).toHaveCount(4);
  await expect(messages.nth(0)).toHaveAttribute('data-role', 'system');
  expect(await messages.nth(0).locator('pre').textContent()).toBe(systemPrompt);
  await expect(messages.nth(1)).toContainText('New task:');
  await expect(messages.nth(2)).toHaveAttribute('data-role', 'assistant');
  await expect(messages.nth(3)).toContainText('Observation:');
  await expect(second.getByTestId('raw-output')).toContainText('```js');
  await expect(second.getByRole('button', { name: 'Copy message 1 (system)' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Copy the raw output of step 2' })).toBeVisible();
});

test('model output can not inject HTML or script; an error is shown with its line marked in the code', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Hostile model',
    task: 'Add.',
    tools: ADD_TOOL,
    model: {
      provider: 'replay',
      responses: [
        fence(
          'const x = add(1, 2);\nnull.boom;\nconsole.log(x);',
          'Thought: <img src="/nothing.png" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script> [click me](javascript:window.__pwned=3) **bold**',
        ),
        fence('final_answer(add(2, 2));'),
      ],
    },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('4');
  const first = page.getByRole('article', { name: 'Step 1' });
  const thought = first.getByTestId('step-thought');
  await expect(thought).toContainText('<img src="/nothing.png"');
  await expect(thought.locator('strong')).toHaveText('bold');
  await expect(thought.locator('img, script')).toHaveCount(0);
  await expect(thought.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  await expect(first.getByTestId('step-error')).toContainText('TypeError (line 2)');
  await expect(first.locator('[data-error-line]')).toHaveAttribute('data-line', '2');
});
