// Keyboard and screen reader: Escape stops a run from anywhere outside an editor (an open dialog takes it first), and
// one polite live region tells how the run goes.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground, sendAsModel } from './support';

const MANUAL = { version: 1, title: 'You are the model', task: 'Add 2 and 3.', tools: ADD_TOOL, model: { provider: 'manual' } } as const;

const RUN_WAIT = { timeout: 30_000 };

const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });

/** Starts a manual run and waits until it asks for the person's turn (the composer's text box then has the focus). */
async function startManualRun(page: Page) {
  await openWithPlayground(page, MANUAL);
  await runButton(page).click();
  // The first turn waits for the worker to boot QuickJS and compile the tools: slow on a busy machine.
  await expect(page.getByTestId('manual-composer').getByRole('textbox', { name: 'Your answer' })).toBeFocused(RUN_WAIT);
}

/** Lets a key press take effect on screen: two frames is after React has shown whatever the key changed. */
async function settle(page: Page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function expectStillRunning(page: Page) {
  await settle(page);
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
  await expect(page.getByTestId('run-status')).toHaveText('Running');
}

async function expectStopped(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveText('Stopped (aborted)');
  await expect(runButton(page)).toBeEnabled();
}

test('Escape stops a running run from the page, but not while typing in the manual composer', async ({ page }) => {
  await startManualRun(page);
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveAttribute('aria-keyshortcuts', 'Escape');
  await page.getByTestId('manual-composer').getByRole('textbox', { name: 'Your answer' }).press('Escape');
  await expectStillRunning(page);

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.locator('body')).toBeFocused();
  await page.keyboard.press('Escape');
  await expectStopped(page);
  await expect(page.getByTestId('manual-composer')).toBeHidden();
});

test('Escape inside the tools editor belongs to the editor; from the Tools tab it stops the run', async ({ page }) => {
  await startManualRun(page);
  await page.getByRole('tab', { name: 'Tools' }).click();
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('Adds two numbers');
  await page.locator('.monaco-editor .view-lines').first().click();
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')))).toBe(true);
  await page.keyboard.press('Escape');
  await expectStillRunning(page);

  await page.getByRole('tab', { name: 'Tools' }).focus();
  await page.keyboard.press('Escape');
  await expectStopped(page);
});

test('Escape with the Share dialog open closes the dialog and leaves the run going; the next Escape stops it', async ({ page }) => {
  await startManualRun(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share this playground' });
  await expect(share).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  await expectStillRunning(page);

  // The focus is back on Share, a plain button: Escape now means Stop.
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expectStopped(page);
});

test('the live region is silent on page load, then says started, paused for each manual turn, and the final answer', async ({ page }) => {
  await openWithPlayground(page, MANUAL);
  const region = page.getByTestId('run-announcer');
  await expect(region).toHaveAttribute('role', 'status');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(region).toHaveText('');

  // Every text the region shows, in order (a screen reader hears each change).
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="run-announcer"]')!;
    const said: string[] = [];
    Object.assign(window, { said });
    new MutationObserver(() => {
      const text = el.textContent ?? '';
      if (text && said.at(-1) !== text) said.push(text);
    }).observe(el, { childList: true, characterData: true, subtree: true });
  });
  const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);

  await runButton(page).click();
  const composer = page.getByTestId('manual-composer');
  await expect(region).toHaveText('Paused: step 1 waits for your turn as the model.', RUN_WAIT);
  await sendAsModel(composer, fence('console.log(add(2, 3));'));
  await expect(region).toHaveText('Paused: step 2 waits for your turn as the model.');
  await sendAsModel(composer, fence('final_answer(`The sum is ${add(2, 3)}`);'));
  await expect(region).toHaveText('Run finished. Final answer: The sum is 5');

  const heard = await said();
  expect(heard[0]).toBe('Run started.');
  expect(heard.filter((t) => t.startsWith('Paused') || t.startsWith('Run'))).toEqual([
    'Run started.',
    'Paused: step 1 waits for your turn as the model.',
    'Paused: step 2 waits for your turn as the model.',
    'Run finished. Final answer: The sum is 5',
  ]);
  // Nothing else speaks about the run: the summary's answer is plain text, not a second live region.
  await expect(page.locator('output, [role="status"]').filter({ hasText: 'The sum is 5' })).toHaveCount(1);
});

test('the live region gives a failed run’s error, cut short', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'Runs out', task: 'Add.', tools: ADD_TOOL, model: { provider: 'replay', responses: [fence('console.log(add(1, 2));')] } });
  await runButton(page).click();
  await expect(page.getByTestId('run-status')).toHaveText('Failed', RUN_WAIT);
  await expect(page.getByTestId('run-error')).toContainText('The replay model has no response left');
  const region = page.getByTestId('run-announcer');
  await expect(region).toHaveText(/^Run failed: The replay model has no response left: it holds 1 .*…$/);
  expect(((await region.textContent()) ?? '').length).toBeLessThanOrEqual('Run failed: '.length + 120);
});
