// The sandbox session's variables: after each code step (what changed marked), and the latest state.
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground } from './support';

test('the default example shows each step’s variables and what changed, and the variables now', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  const first = page.getByRole('article', { name: 'Step 1' }).getByRole('region', { name: 'Variables of step 1' });
  await expect(first.getByTestId('variables-changed')).toHaveText('cities new · forecasts new');
  await first.getByRole('button', { name: /^Variables \(2: 2 new\)/ }).click();
  const table = first.getByRole('table', { name: 'Variables after step 1' });
  await expect(table.getByRole('row', { name: /forecasts/ })).toContainText('Array');
  await expect(table.getByRole('row', { name: /forecasts/ })).toContainText('3 items');
  await expect(table.getByRole('row', { name: /forecasts/ }).getByTestId('variable-preview')).toContainText('{ city: "Lisbon"');

  const second = page.getByRole('article', { name: 'Step 2' }).getByRole('region', { name: 'Variables of step 2' });
  await expect(second.getByTestId('variables-changed')).toHaveText('warmest new · highF new');
  await second.getByRole('button', { name: /^Variables \(4: 2 new\)/ }).click();
  await expect(second.getByTestId('variable')).toHaveCount(4);
  await expect(second.locator('[data-change="same"]')).toHaveCount(2);

  await page.getByTestId('latest-variables').getByRole('button', { name: /^Variables now \(4, after step 2\)/ }).click();
  await expect(page.getByRole('table', { name: 'Variables now' }).getByRole('row', { name: /highF/ })).toContainText('93.2');
});

test('a changed and a deleted variable are marked; a getter is named, never run', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Changes',
    task: 'Add.',
    tools: ADD_TOOL,
    model: {
      provider: 'replay',
      delayMs: 0,
      responses: [
        fence('let total = add(1, 2);\nconst scratch = "tmp";'),
        fence('total = add(total, 10);\ndelete globalThis.scratch;\nObject.defineProperty(globalThis, "lazy", { get() { throw new Error("ran the getter"); }, configurable: true });'),
        fence('final_answer(total)'),
      ],
    },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('13');
  const second = page.getByRole('article', { name: 'Step 2' }).getByRole('region', { name: 'Variables of step 2' });
  await expect(second.getByTestId('variables-changed')).toHaveText('total changed · lazy new · scratch gone');
  await second.getByRole('button', { name: /^Variables/ }).click();
  await expect(second.getByRole('row', { name: /lazy/ })).toContainText('[Getter]');
  await expect(second.getByRole('row', { name: /total/ }).getByTestId('variable-preview')).toHaveText('13');
});
