import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { openWithPlayground } from './support';

test('ticking a final-answer check in the Agent settings keeps it in the document across a reload, and the run shows its verdict', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Playground title')).toHaveValue('Warmest city tomorrow');
  await page.getByRole('tab', { name: 'Settings' }).click();
  const checks = page.getByRole('group', { name: 'Final-answer checks' });
  await expect(checks).toContainText('returns false or returns a string, the answer is rejected');
  const check = checks.getByRole('checkbox', { name: 'get_forecast' });
  await expect(check).not.toBeChecked();
  await check.check();

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('group', { name: 'Final-answer checks' }).getByRole('checkbox', { name: 'get_forecast' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Final-answer checks' }).getByRole('checkbox', { name: 'convert_temperature' })).not.toBeChecked();

  // The document itself holds it: the exported playground JSON names the check.
  await page.getByRole('button', { name: 'Export / Import' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export and import' }).getByRole('button', { name: 'Export playground JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile((await file.path())!, 'utf8')) as { agent: { finalAnswerChecks: string[] } };
  expect(exported.agent.finalAnswerChecks).toEqual(['get_forecast']);
  await page.keyboard.press('Escape');

  // get_forecast('Cairo: 34 °C (93.2 °F)') throws: the answer is rejected and the model is asked for another step.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('step-error').first()).toContainText("The final answer was rejected by the check 'get_forecast': Error: no forecast for Cairo: 34 °C (93.2 °F)");
  await expect(page.getByTestId('final-answer')).toHaveCount(0);
});

test('a check naming a function the tools source no longer has is shown with a warning until it is removed', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Checked adder',
    task: 'Add 2 and 3.',
    tools: '/**\n * Adds two numbers.\n * @param a The first number.\n * @param b The second number.\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n',
    agent: { finalAnswerChecks: ['is_positive'] },
    model: { provider: 'replay', responses: ['Thought: add.\n```js\nfinal_answer(add(2, 3))\n```'], delayMs: 0 },
  });
  await page.getByRole('tab', { name: 'Settings' }).click();
  const checks = page.getByRole('group', { name: 'Final-answer checks' });
  const missing = checks.getByTestId('missing-final-answer-check');
  await expect(missing).toContainText('The check is_positive is not a function of the tools source');
  await expect(checks.getByRole('checkbox', { name: 'add' })).not.toBeChecked();
  await missing.getByRole('button', { name: 'Remove the check is_positive' }).click();
  await expect(missing).toHaveCount(0);

  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('group', { name: 'Final-answer checks' }).getByTestId('missing-final-answer-check')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('5');
});
