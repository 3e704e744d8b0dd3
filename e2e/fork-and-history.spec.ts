// Forking a run at a step (Edit and re-run from here) and the run history (Runs): kept across reloads, deleted with Undo.
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openExample, openWithPlayground } from './support';

const ORIGINAL_ANSWER = 'Cairo: 34 °C (93.2 °F)';

test('fork the bundled example at step 1 with an edited final_answer: the fork ends in one step, the original stays in Runs, and both survive a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText(ORIGINAL_ANSWER);

  await page.getByRole('article', { name: 'Step 1' }).getByRole('button', { name: 'Edit and re-run from here' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit step 1 and re-run from here' });
  const output = dialog.getByRole('textbox', { name: 'Model output (text and code)' });
  await expect(output).toHaveValue(/get_forecast/);
  await output.fill(fence('final_answer("Oslo, by the teacher");', 'Thought: I will answer at once.'));
  await dialog.getByRole('button', { name: 'Re-run' }).click();

  await expect(page.getByTestId('final-answer')).toHaveText('Oslo, by the teacher');
  await expect(page.getByTestId('run-steps')).toHaveText('1');
  await expect(page.getByRole('article', { name: 'Step 1' }).getByTestId('step-source')).toHaveText('Edited');
  await expect(page.getByTestId('run-fork-of')).toContainText('step 1');

  const runs = page.getByRole('list', { name: 'Runs' });
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(runs.getByTestId('kept-run')).toHaveCount(2);
  await expect(runs.getByTestId('kept-run').first().getByTestId('kept-run-fork')).toContainText('step 1');

  // The fork links back to the run it came from.
  await page.getByTestId('run-fork-of').getByRole('button').click();
  await expect(page.getByTestId('final-answer')).toHaveText(ORIGINAL_ANSWER);

  await page.reload();
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(runs.getByTestId('kept-run')).toHaveCount(2);
  await runs.getByTestId('kept-run').first().getByRole('button').first().click();
  await expect(page.getByTestId('final-answer')).toHaveText('Oslo, by the teacher');
  await runs.getByTestId('kept-run').last().getByRole('button').first().click();
  await expect(page.getByTestId('final-answer')).toHaveText(ORIGINAL_ANSWER);
  await expect(page.getByTestId('run-steps')).toHaveText('2');
});

test('a fork replays the steps before the edited one (their code runs again) and the replay model goes on with the responses after it', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Three steps',
    task: 'Add 1, 2 and 3.',
    tools: ADD_TOOL,
    model: {
      provider: 'replay',
      delayMs: 0,
      responses: [fence('let sum = add(1, 2);\nconsole.log(sum);'), fence('sum = add(sum, 3);\nconsole.log(sum);'), fence('final_answer(sum)')],
    },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('6');

  await page.getByRole('article', { name: 'Step 2' }).getByRole('button', { name: 'Edit and re-run from here' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit step 2 and re-run from here' });
  await dialog.getByRole('textbox', { name: 'Model output (text and code)' }).fill(fence('sum = add(sum, 100);\nconsole.log(sum);'));
  await dialog.getByRole('button', { name: 'Re-run' }).click();

  await expect(page.getByTestId('final-answer')).toHaveText('103');
  await expect(page.getByRole('article', { name: 'Step 1' }).getByTestId('step-source')).toHaveText('Replayed');
  await expect(page.getByRole('article', { name: 'Step 2' }).getByTestId('step-source')).toHaveText('Edited');
  await expect(page.getByRole('article', { name: 'Step 3' }).getByTestId('step-source')).toHaveCount(0);
});

test('a ToolCallingAgent step is edited as JSON tool calls; malformed JSON is refused with a message and nothing is lost', async ({ page }) => {
  await page.goto('/');
  await openExample(page, 'Weather with JSON tool calls');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  await page.getByRole('article', { name: 'Step 1' }).getByRole('button', { name: 'Edit and re-run from here' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit step 1 and re-run from here' });
  const calls = dialog.getByRole('textbox', { name: 'Tool calls (JSON)' });
  await expect(calls).toHaveValue(/"name": "/);
  await calls.fill('[{"name": "final_answer", "arguments": {"answer": "edited"}');
  await dialog.getByRole('button', { name: 'Re-run' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The tool calls are not valid JSON');
  await expect(calls).toHaveValue('[{"name": "final_answer", "arguments": {"answer": "edited"}');

  await calls.fill('[{"name": "final_answer", "arguments": {"answer": "edited"}}]');
  await dialog.getByRole('button', { name: 'Re-run' }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('edited');
  await expect(page.getByTestId('run-steps')).toHaveText('1');
});

test('deleting a kept run asks nothing and Undo brings it back', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'One step', task: 'Add.', tools: ADD_TOOL, model: { provider: 'replay', delayMs: 0, responses: [fence('final_answer(add(2, 2))')] } });
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await run.click();
  await expect(page.getByTestId('final-answer')).toHaveText('4');
  await run.click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');

  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  const kept = page.getByRole('list', { name: 'Runs' }).getByTestId('kept-run');
  await expect(kept).toHaveCount(2);
  await kept.first().getByRole('button', { name: /^Delete the run of/ }).click();
  await expect(kept).toHaveCount(1);
  await expect(page.getByTestId('run-deleted')).toContainText('Deleted the run of');
  await page.getByTestId('run-deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(kept).toHaveCount(2);
  await page.reload();
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(kept).toHaveCount(2);
});

test('a kept run made with an earlier version of the playground says so', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'One step', task: 'Add.', tools: ADD_TOOL, model: { provider: 'replay', delayMs: 0, responses: [fence('final_answer(add(2, 2))')] } });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('4');
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Add two and two.');
  await page.reload();
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  const kept = page.getByRole('list', { name: 'Runs' }).getByTestId('kept-run');
  await expect(kept).toContainText('earlier version of the playground');
  await kept.getByRole('button').first().click();
  await expect(page.getByTestId('stale-run')).toContainText('made with an earlier version');
});
