// Sandbox errors that name what was called (issue 11, point 12): QuickJS says only "not a function"; the step's error
// names the callee and suggests the tool that was meant, and the model is shown the same words. A tool's own error is
// said once ("Error: …", never "Error: Error: …").
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fence as code, sendAsModel } from './support';

const runButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Run', exact: true });


test('in QuickJS, a misspelled tool is named with the tool that was meant, and the session goes on', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByLabel('Model').selectOption('manual');
  await runButton(page).click();
  const composer = page.getByTestId('manual-composer');

  // A bare misspelled name: QuickJS's ReferenceError, with the suggestion.
  await sendAsModel(composer, code('const oslo = await get_forcast("Oslo", 1);\nconsole.log(oslo.highC);'));
  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('step-sandbox')).toHaveText('Sandbox: QuickJS');
  await expect(step1.getByTestId('step-error')).toHaveText("ReferenceError (line 1): 'get_forcast' is not defined (did you mean get_forecast?)");

  // Through an object: QuickJS says only "not a function"; the error names the callee and the tool it is close to.
  await sendAsModel(composer, code('const weather = { get_forecast };\nconst oslo = await weather.get_forcast("Oslo", 1);'));
  const step2 = page.getByRole('article', { name: 'Step 2' });
  await expect(step2.getByTestId('step-error')).toHaveText('TypeError (line 2): weather.get_forcast is not a function (did you mean get_forecast?)');
  // The next turn shows the model the very same words.
  await expect(composer.getByTestId('model-message').last()).toContainText('weather.get_forcast is not a function (did you mean get_forecast?)');

  // The session kept `weather` from step 2; the right name works.
  await sendAsModel(composer, code('const oslo = await weather.get_forecast("Oslo", 1);\nfinal_answer(`Oslo: ${oslo.highC} °C`);'));
  await expect(page.getByTestId('final-answer')).toHaveText('Oslo: 14 °C');
});

test('a value that is not a function is named too, without a suggestion when no tool is close', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByLabel('Model').selectOption('manual');
  await runButton(page).click();
  const composer = page.getByTestId('manual-composer');
  await sendAsModel(composer, code('const oslo = await get_forecast("Oslo", 1);\nconsole.log(oslo.highC());'));
  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('tool-call-name')).toHaveText('get_forecast');
  await expect(step1.getByTestId('step-error')).toHaveText('TypeError (line 2): oslo.highC is not a function');
});

test('a tool that throws is said once in a tool-calling run: “Error: no forecast …”, never “Error: Error: …”', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByLabel('Model').selectOption('manual');
  await page.getByRole('banner').getByLabel('Agent type').selectOption('tool-calling');
  await runButton(page).click();
  const composer = page.getByTestId('manual-composer');
  await sendAsModel(composer, '[{"name": "get_forecast", "arguments": {"city": "Paris", "daysAhead": 1}}]');
  const step1 = page.getByRole('article', { name: 'Step 1' });
  await expect(step1.getByTestId('tool-call-error')).toHaveText(/^✗ no forecast for Paris; known cities: lisbon, oslo, cairo, reykjavik$/);
  await expect(step1.getByTestId('step-observation')).toContainText('get_forecast: Error: no forecast for Paris');
  await expect(step1).not.toContainText('Error: Error:');
  // What the model is shown next: the tool message, with one "Error: ".
  const toolMessage = composer.locator('[data-testid="model-message"][data-role="tool"]').last().locator('pre');
  await expect(toolMessage).toHaveText('Error: no forecast for Paris; known cities: lisbon, oslo, cairo, reykjavik');
});
