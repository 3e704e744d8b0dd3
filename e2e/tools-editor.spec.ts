import { expect, test } from './fixtures';

const GREET = '\n/**\n * Greets someone.\n * @param name Who to greet.\n */\nexport function greet(name: string): string {\n  return "hi " + name;\n}\n';

test('editing a tool in the editor updates the tool list; a tool without JSDoc is marked at its line; edits survive a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Tools' }).click();
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  const signatures = page.getByTestId('tool-signature');
  await expect(signatures).toHaveText([/^async get_forecast\(/, /^convert_temperature\(/]);

  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(GREET);
  await expect(signatures).toHaveText([/^async get_forecast\(/, /^convert_temperature\(/, 'greet(name: string): string']);
  await expect(page.getByTestId('tool-item').filter({ hasText: 'greet(' })).toContainText('Who to greet.');

  await page.keyboard.insertText('\nexport function shout(text: string): string {\n  return text.toUpperCase();\n}\n');
  const problems = page.getByTestId('tool-errors');
  await expect(problems).toContainText(/Line \d+:\d+: tool `shout` needs a JSDoc comment/);
  const line = Number((await problems.textContent())!.match(/Line (\d+)/)![1]);
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: /Tools/ })).toContainText('1');
  // The marker sits on the line the problem names: a squiggle at the height of that line's number.
  const lineNumber = editor.locator('.line-numbers').filter({ hasText: new RegExp(`^${line}$`) });
  const lineTop = (await lineNumber.boundingBox())!.y;
  const squiggleTops = await editor.locator('.squiggly-error').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  expect(squiggleTops.some((top) => Math.abs(top - lineTop) < 4)).toBe(true);

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('start-error')).toContainText('the tools source has 1 error(s)');

  await page.reload();
  await page.getByRole('tab', { name: 'Tools' }).click();
  await expect(page.getByTestId('tool-signature').filter({ hasText: 'greet(' })).toHaveCount(1);
  await expect(page.getByTestId('tool-errors')).toContainText('shout');
});
