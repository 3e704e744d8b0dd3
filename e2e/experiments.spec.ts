// Experimenting with a run: step through it (Next step, Continue, F10/F8), and continue a finished run with a follow-up task.
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground, sendAsModel } from './support';

test('step through: the run pauses after every step; Next step (and F10) runs one more, Continue runs to the end', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Three steps',
    task: 'Add 1, 2 and 3.',
    tools: ADD_TOOL,
    model: {
      provider: 'replay',
      delayMs: 0,
      responses: [fence('let sum = add(1, 2);\nconsole.log(sum);'), fence('sum = add(sum, 3);\nconsole.log(sum);'), fence('console.log("checked", sum);'), fence('final_answer(sum)')],
    },
  });
  await page.getByRole('checkbox', { name: 'Step through' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByTestId('run-status')).toHaveText('Paused after step 1');
  await expect(page.getByTestId('run-announcer')).toHaveText(/Paused after step 1/);
  await expect(page.getByRole('article', { name: 'Step 1' }).getByTestId('step-observation')).toContainText('3');
  await expect(page.getByRole('article', { name: 'Step 2' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Paused after step 2');
  await expect(page.getByRole('article', { name: 'Step 2' }).getByTestId('step-observation')).toContainText('6');

  await page.keyboard.press('F10');
  await expect(page.getByTestId('run-status')).toHaveText('Paused after step 3');
  await expect(page.getByRole('article', { name: 'Step 4' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('6');
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0);
});

test('Stop ends a paused run', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Two steps',
    task: 'Add.',
    tools: ADD_TOOL,
    model: { provider: 'replay', delayMs: 0, responses: [fence('const a = add(1, 1);'), fence('final_answer(a)')] },
  });
  await page.getByRole('checkbox', { name: 'Step through' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Paused after step 1');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Stopped (aborted)');
  await expect(page.getByRole('article', { name: 'Step 2' })).toHaveCount(0);
});

test('a finished run continues with a follow-up task: the model sees the first task and its steps, and the variables are kept', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'Talk', task: 'Add 2 and 3.', tools: ADD_TOOL, model: { provider: 'manual' } });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const composer = page.getByTestId('manual-composer');
  await sendAsModel(composer, fence('const sum = add(2, 3);\nfinal_answer(sum);'));
  await expect(page.getByTestId('final-answer')).toHaveText('5');

  const followUp = page.getByRole('textbox', { name: 'Follow-up task' });
  await followUp.fill('Now double it.');
  await page.getByRole('button', { name: 'Continue' }).click();

  const messages = composer.getByTestId('model-message');
  await expect(messages.first()).toHaveAttribute('data-role', 'system');
  await expect(composer).toContainText('Add 2 and 3.');
  await expect(composer).toContainText('final_answer(sum);');
  await expect(messages.last()).toContainText('Now double it.');
  await sendAsModel(composer, fence('final_answer(sum * 2);'));

  await expect(page.getByTestId('final-answer')).toHaveText('10');
  await expect(page.getByTestId('task-section')).toContainText('Follow-up task 1: Now double it.');
  await expect(page.getByTestId('run-tasks')).toHaveText('2');
  await expect(page.getByRole('article', { name: 'Step 2' })).toBeVisible();
});

test('an empty follow-up task is refused with a message', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'One step',
    task: 'Add.',
    tools: ADD_TOOL,
    model: { provider: 'replay', delayMs: 0, responses: [fence('final_answer(add(1, 1))')] },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('2');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Write the follow-up task first.' })).toBeVisible();
  await expect(page.getByTestId('run-tasks')).toHaveCount(0);
});
