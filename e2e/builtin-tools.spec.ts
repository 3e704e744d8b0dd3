// The built-in tools: turned on in the Tools tab, user_input asks the person mid-run, and the answer is the tool's result.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground } from './support';

const runButton = (page: import('@playwright/test').Page) => page.getByRole('button', { name: /^(▶ )?Run$/ });

test('user_input: turned on in the Tools tab, the question is answered in the app, and the answer reaches final_answer', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Ask me',
    task: 'Greet the person by name.',
    tools: ADD_TOOL,
    // The person may take their time: the step's limit covers the wait.
    sandbox: { timeoutMs: 60_000 },
    model: {
      provider: 'replay',
      responses: [fence('const name = await user_input("What is your name?");\nfinal_answer(`Hello, ${name}!`);', 'Thought: I ask for the name.')],
    },
  });
  await page.getByRole('tab', { name: 'Tools' }).click();
  const builtins = page.getByTestId('builtin-tools');
  await expect(builtins.getByRole('heading', { name: 'Built-in tools' })).toBeVisible();
  await builtins.getByRole('button', { name: 'View source of user_input' }).click();
  await expect(builtins.getByTestId('builtin-source-user_input')).toContainText('export async function user_input(question: string): Promise<string>');
  await builtins.getByRole('checkbox', { name: 'user_input', exact: true }).check();
  // web_search's key field appears with it, bound to the search API alone.
  await builtins.getByRole('checkbox', { name: 'web_search', exact: true }).check();
  await expect(builtins.getByLabel('Brave Search API key')).toBeVisible();
  await expect(builtins).toContainText('Sent only to https://api.search.brave.com');
  await builtins.getByRole('checkbox', { name: 'web_search', exact: true }).uncheck();
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
  const toolsAxe = await new AxeBuilder({ page }).include('[data-testid="builtin-tools"]').withTags(tags).analyze();
  expect(toolsAxe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await runButton(page).click();
  const form = page.getByTestId('user-question');
  await expect(form.getByTestId('user-question-text')).toHaveText('What is your name?');
  const formAxe = await new AxeBuilder({ page }).include('[data-testid="user-question"]').withTags(tags).analyze();
  expect(formAxe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await form.getByRole('button', { name: 'Send answer' }).click();
  await expect(form.getByRole('alert')).toContainText('Write an answer first');
  await form.getByLabel('Your answer').fill('Ada');
  await form.getByRole('button', { name: 'Send answer' }).click();

  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByTestId('user-question')).toHaveCount(0);
  await expect(page.getByTestId('final-answer')).toHaveText('Hello, Ada!');
  const call = page.getByTestId('tool-call').filter({ has: page.getByTestId('tool-call-name').getByText('user_input') });
  await expect(call.getByTestId('tool-call-result')).toContainText('Ada');

  // Saved in the document: still on after a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Tools' }).click();
  await expect(page.getByTestId('builtin-tools').getByRole('checkbox', { name: 'user_input', exact: true })).toBeChecked();
});
