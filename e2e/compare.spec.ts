// Compare: the same task as CodeAgent and as ToolCallingAgent, offline on a bundled example, in one table and two columns.
import { expect, test } from './fixtures';
import { openExample } from './support';

test('Compare runs a bundled example as both agent types offline and shows the table and both timelines', async ({ page }) => {
  await page.goto('/');
  await openExample(page, 'Warmest city tomorrow');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  const panel = page.getByRole('region', { name: 'Compare' });
  await expect(panel.getByText('Comparison finished')).toBeAttached({ timeout: 30_000 });
  const table = panel.getByRole('table', { name: 'Comparison' });
  await expect(table.getByRole('columnheader')).toHaveText(['A: CodeAgent', 'B: ToolCallingAgent']);
  const row = (label: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell');
  await expect(row('Outcome')).toHaveText(['final answer: Cairo: 34 °C (93.2 °F)', 'final answer: Cairo: 34 °C (93.2 °F)']);
  // Each side played its own recorded responses: 2 steps as code, 3 as JSON tool calls.
  await expect(row('Steps')).toHaveText(['2', '3']);
  for (const label of ['Tool calls', 'Tokens in / out', 'Time']) {
    for (const cell of await row(label).all()) await expect(cell).toHaveText(/\d/);
  }

  const timelines = panel.getByRole('group', { name: 'Timelines side by side' });
  await expect(timelines.getByRole('article', { name: /^A: CodeAgent step \d$/ })).toHaveCount(2);
  await expect(timelines.getByRole('article', { name: /^B: ToolCallingAgent step \d$/ })).toHaveCount(3);
  await expect(timelines.getByRole('article', { name: 'A: CodeAgent step 1' }).getByText('get_forecast', { exact: false }).first()).toBeVisible();
  await expect(timelines.getByTestId('compare-answer')).toHaveCount(2);

  // The main timeline and the document are untouched: the header's agent type is still the example's.
  await expect(page.getByLabel('Agent type', { exact: true })).toHaveValue('code');
});

test('Compare shows two kept runs from the history side by side', async ({ page }) => {
  await page.goto('/');
  await openExample(page, 'Warmest city tomorrow');
  const run = page.getByRole('button', { name: /^(▶ )?Run$/ });
  await run.click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await page.getByLabel('Agent type', { exact: true }).selectOption('tool-calling');
  await run.click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Compare' });
  await expect(panel.getByText('Comparison finished')).toBeAttached({ timeout: 30_000 });
  await panel.getByLabel('Compare what').selectOption('kept');
  await expect(panel.getByLabel('Kept run for A')).toContainText('CodeAgent');
  await panel.getByRole('button', { name: 'Compare kept runs' }).click();

  const table = panel.getByRole('table', { name: 'Comparison' });
  await expect(table.getByRole('columnheader')).toHaveText([/^A: CodeAgent · /, /^B: ToolCallingAgent · /]);
  const steps = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Steps', exact: true }) }).getByRole('cell');
  await expect(steps).toHaveText(['2', '3']);
  await expect(panel.getByRole('article', { name: /^B: ToolCallingAgent · .* step 3$/ })).toBeVisible();
});

test('Compare runs two prompt versions: an edited system prompt costs more input tokens, and a broken edit is refused', async ({ page }) => {
  await page.goto('/');
  await openExample(page, 'Warmest city tomorrow');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Compare' });
  await expect(panel.getByText('Comparison finished')).toBeAttached({ timeout: 30_000 });

  await panel.getByLabel('Agent type of B').selectOption('code');
  await panel.getByLabel('Prompts of B').selectOption('edited');
  const system = panel.getByLabel('System prompt of B');
  await expect(system).toHaveValue(/\{\{tools\}\}/);
  const original = await system.inputValue();
  // Without {{tools}} the model would not know its tools: the edit is refused and says why.
  await system.fill('You are terse.');
  await expect(panel.getByRole('alert')).toContainText('{{tools}}');
  await system.fill(`${original}\n\n${'Always double-check every number against the tool results before you answer. '.repeat(20)}`);
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Run comparison' }).click();
  const table = panel.getByRole('table', { name: 'Comparison' });
  await expect(table.getByRole('columnheader')).toHaveText(['A: CodeAgent', 'B: CodeAgent · prompts: codeAgentSystem']);
  const row = (label: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell');
  // B ran as code this time (the first comparison's B took 3 steps as JSON tool calls), and the comparison is over.
  await expect(row('Steps')).toHaveText(['2', '2'], { timeout: 30_000 });
  await expect(panel.getByText('Comparison finished')).toBeAttached({ timeout: 30_000 });
  const tokensIn = async (i: number) => Number(/^(\d+)/.exec(await row('Tokens in / out').nth(i).innerText())?.[1]);
  expect(await tokensIn(1)).toBeGreaterThan((await tokensIn(0)) + 200);
  // The document's own prompts are untouched.
  await page.getByRole('tab', { name: 'Prompt' }).click();
  await expect(page.getByText('(edited)')).toHaveCount(0);
});
