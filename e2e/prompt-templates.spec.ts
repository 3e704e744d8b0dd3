import { expect, test } from './fixtures';
import { ADD_TOOL, openWithPlayground, sendAsModel } from './support';

const MARKER = 'TEMPLATE-MARKER-42: you are a careful adder.';

test('an edited system prompt template is what the model receives; a bad variable is refused; Reset to default removes the edit', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'Templates', task: 'Add 2 and 3.', tools: ADD_TOOL, model: { provider: 'manual' } });
  await page.getByRole('tab', { name: 'Prompt' }).click();
  const template = page.getByRole('textbox', { name: 'System prompt (CodeAgent)' });
  const field = page.getByTestId('prompt-template').filter({ has: template });
  await expect(template).toHaveValue(/^You are an expert assistant/);
  await expect(page.getByText('Variables: {{tools}}, {{managedAgents}}, {{instructions}}, {{mcpExample}}')).toBeVisible();

  // A variable the template does not have: the text stays in the box, the document keeps the default.
  await template.fill(`${MARKER}\n{{toolz}}`);
  await expect(field.getByRole('alert')).toContainText('unknown variable {{toolz}}; the variables are {{tools}}');
  await expect(template).toHaveAccessibleDescription(/unknown variable \{\{toolz\}\}/);
  await expect(template).toHaveValue(`${MARKER}\n{{toolz}}`);
  await expect(page.getByTestId('system-prompt')).not.toContainText(MARKER);

  await template.fill(`${MARKER}\n{{tools}}`);
  await expect(field.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('system-prompt')).toContainText(MARKER);
  await expect(page.getByTestId('system-prompt')).toContainText('function add(a: number, b: number)');
  await page.getByText('Show diff').click();
  await expect(page.getByTestId('prompt-template-diff')).toContainText(`+ ${MARKER}`);
  await expect(page.getByTestId('prompt-template-diff')).toContainText('- You are an expert assistant');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const composer = page.getByTestId('manual-composer');
  const system = composer.getByTestId('model-message').nth(0);
  await expect(system).toHaveAttribute('data-role', 'system');
  await expect(system).toContainText(MARKER);
  await sendAsModel(composer, 'Thought: add.\n```js\nfinal_answer(add(2, 3))\n```');
  await expect(page.getByTestId('final-answer')).toHaveText('5');

  await page.getByRole('tab', { name: 'Prompt' }).click();
  await page.getByRole('button', { name: 'Reset to default: System prompt (CodeAgent)' }).click();
  await expect(template).toHaveValue(/^You are an expert assistant/);
  await expect(page.getByTestId('system-prompt')).not.toContainText(MARKER);
  await expect(page.getByRole('button', { name: /^Reset to default/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(composer.getByTestId('model-message').nth(0)).toContainText('You are an expert assistant');
  await expect(composer.getByTestId('model-message').nth(0)).not.toContainText(MARKER);
});

test('an edited final-answer template is the last message of the final step', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Final template',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    agent: { maxSteps: 1, promptTemplates: { finalAnswer: 'FINAL-MARKER: answer {{task}} now.' } },
    model: { provider: 'manual' },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const composer = page.getByTestId('manual-composer');
  await sendAsModel(composer, 'Thought: look.\n```js\nconsole.log(add(2, 3))\n```');
  await expect(composer.getByTestId('model-message').last()).toHaveText(/FINAL-MARKER: answer Add 2 and 3\. now\./);
});
