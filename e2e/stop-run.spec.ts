import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openExample, openWithPlayground } from './support';

test('Stop during a streaming replay aborts the model call; what streamed so far stays visible', async ({ page }) => {
  const long = `Thought: ${'I am thinking this through carefully. '.repeat(60)}`;
  await openWithPlayground(page, {
    version: 1,
    title: 'Slow model',
    task: 'Add.',
    tools: ADD_TOOL,
    model: { provider: 'replay', delayMs: 60, responses: [fence('final_answer(add(1, 2));', long)] },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('step-streaming')).toContainText('I am thinking');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Stopped (aborted)');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  const step = page.getByRole('article', { name: 'Step 1' });
  await expect(step).toContainText('interrupted');
  await expect(step).toContainText('I am thinking this through');
  await expect(page.getByTestId('final-answer')).toHaveCount(0);
});

test('Stop ends code stuck in an endless loop right away, long before the step deadline', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'Loop', task: 'Spin.', tools: ADD_TOOL, model: { provider: 'manual' }, sandbox: { timeoutMs: 120_000 } });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const composer = page.getByTestId('manual-composer');
  await composer.getByRole('textbox', { name: 'Your answer' }).fill(fence('console.log("spinning");\nwhile (true) {}'));
  await composer.getByRole('button', { name: 'Send as the model' }).click();
  await expect(page.getByRole('article', { name: 'Step 1' }).getByTestId('step-code')).toContainText('while (true)');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Stopped (aborted)', { timeout: 5_000 });
  await expect(page.getByTestId('run-error')).toContainText('sandbox was shut down');

  // The page and the runner still work: the next run goes through.
  await page.getByLabel('Model').selectOption('replay');
  await openExample(page, 'Warmest city tomorrow');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('Cairo: 34 °C (93.2 °F)');
});
