import { expect, test } from './fixtures';
import { ADD_TOOL, openWithPlayground } from './support';

test('as the model, a person sees the exact messages, writes code, and it runs in the sandbox', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Model').selectOption('manual');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const composer = page.getByTestId('manual-composer');
  await expect(composer).toContainText('you are the model');
  const messages = composer.getByTestId('model-message');
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(0)).toHaveAttribute('data-role', 'system');
  await expect(messages.nth(1)).toContainText('Which of Lisbon, Oslo and Cairo');
  const answer = composer.getByRole('textbox', { name: 'Your answer' });
  await expect(answer).toHaveValue('Thought: \n```js\n\n```');

  await answer.fill('Thought: Oslo first.\n```js\nconst oslo = await get_forecast("Oslo", 1);\nconsole.log("Oslo high", oslo.highC);\n```');
  await composer.getByRole('button', { name: 'Send as the model' }).click();

  const step = page.getByRole('article', { name: 'Step 1' });
  await expect(step.getByTestId('tool-call-name')).toHaveText('get_forecast');
  await expect(step.getByTestId('step-observation')).toContainText('Oslo high 14');

  // The second turn sees the first step's observation; `oslo` persists in the session.
  await expect(composer.getByTestId('model-message')).toHaveCount(4);
  await expect(composer.getByTestId('model-message').nth(3)).toContainText('Oslo high 14');
  await composer.getByRole('textbox', { name: 'Your answer' }).fill('Thought: done.\n```js\nfinal_answer(`Oslo: ${oslo.highC} °C`);\n```');
  await composer.getByRole('textbox', { name: 'Your answer' }).press('Control+Enter');
  await expect(page.getByTestId('final-answer')).toHaveText('Oslo: 14 °C');
  await expect(composer).toBeHidden();
});

test('as a tool-calling model, a person writes JSON tool calls; a mistake is explained and the text kept', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'Calls', task: 'Add 2 and 3.', tools: ADD_TOOL, agent: { type: 'tool-calling' }, model: { provider: 'manual' } });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const composer = page.getByTestId('manual-composer');
  const calls = composer.getByRole('textbox', { name: 'Tool calls (JSON)' });
  await expect(calls).toHaveValue(/"name": "add"/);
  await calls.fill('[{"name": "ad", "arguments": {"a": 2, "b": 3}}]');
  await composer.getByRole('button', { name: 'Send as the model' }).click();
  await expect(composer.getByRole('alert')).toHaveText(/no tool named 'ad'/);
  await expect(calls).toHaveValue('[{"name": "ad", "arguments": {"a": 2, "b": 3}}]');
  await calls.fill('[{"name": "add", "arguments": {"a": 2, "b": 3}}]');
  await composer.getByRole('button', { name: 'Send as the model' }).click();
  await expect(page.getByRole('article', { name: 'Step 1' }).getByTestId('tool-call-result')).toContainText('5');

  await composer.getByRole('textbox', { name: 'Tool calls (JSON)' }).fill('{"name": "final_answer", "arguments": {"answer": 5}}');
  await composer.getByRole('button', { name: 'Send as the model' }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('5');
});
