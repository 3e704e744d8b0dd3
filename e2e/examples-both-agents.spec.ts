// Every bundled example can be switched to the other agent type and still runs offline to its answer.
import { expect, test } from './fixtures';
import { fence, openExample, openWithPlayground, ADD_TOOL } from './support';

const EXAMPLES = [
  { title: 'Warmest city tomorrow', answer: 'Cairo: 34 °C (93.2 °F)' },
  { title: 'Top products, with a plan and a mistake', answer: '1. Carcassonne: 145 €\n2. Catan: 117 €\n3. Kind of Blue (vinyl): 84 €' },
  { title: 'A manager and its librarian', answer: 'The Left Hand of Darkness (304 pages) is the longest, 121 pages longer than A Wizard of Earthsea.' },
];

const runButton = (page: import('@playwright/test').Page) => page.getByRole('button', { name: /^(▶ )?Run$/ });

for (const { title, answer } of EXAMPLES) {
  test(`${title}: switched to ToolCallingAgent, it runs to its final answer with no format error`, async ({ page }) => {
    await page.goto('/');
    await openExample(page, title);
    await expect(page.getByLabel('Playground title')).toHaveValue(title);
    await page.getByLabel('Agent type').selectOption('tool-calling');
    await runButton(page).click();
    await expect(page.getByTestId('run-status')).toHaveText('Finished');
    await expect(page.getByTestId('final-answer')).toHaveText(answer);
    await expect(page.getByTestId('step-error').filter({ hasText: /FormatError|replay model/ })).toHaveCount(0);
    await expect(page.getByTestId('tool-call').first()).toBeVisible();
  });
}

test('Weather with JSON tool calls: switched to CodeAgent, it runs to its final answer in code', async ({ page }) => {
  await page.goto('/');
  await openExample(page, 'Weather with JSON tool calls');
  await page.getByLabel('Agent type').selectOption('code');
  await runButton(page).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByTestId('final-answer')).toHaveText('Tomorrow in Oslo: cloudy, high 57.2 °F, low 42.8 °F.');
  await expect(page.getByTestId('step-code').first()).toContainText('get_forecast("Oslo", 1)');
  await expect(page.getByTestId('step-error')).toHaveCount(0);
});

test('a replay with nothing recorded for the chosen agent type says which setting to change', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Code only',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    model: { provider: 'replay', responses: { code: [fence('final_answer(add(2, 3))')] } },
  });
  await page.getByLabel('Agent type').selectOption('tool-calling');
  await runButton(page).click();
  await expect(page.getByTestId('run-error')).toHaveText(
    'The replay model has no recorded response for the ToolCallingAgent (this playground has 1 for the CodeAgent). Switch Agent type back to CodeAgent, or pick another model in the header.',
  );
  await page.getByLabel('Agent type').selectOption('code');
  await runButton(page).click();
  await expect(page.getByTestId('final-answer')).toHaveText('5');
});
