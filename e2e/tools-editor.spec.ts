import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { createServer } from 'node:http';

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

test('hovering a tool whose JSDoc names images shows them as text and fetches nothing', async ({ page }) => {
  const requests: string[] = [];
  const beacon = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end();
  });
  await new Promise<void>((resolve) => beacon.listen(3961, '127.0.0.1', resolve));
  try {
    await page.goto('/');
    await page.getByRole('tab', { name: 'Tools' }).click();
    const editor = page.locator('.monaco-editor').first();
    await expect(editor).toBeVisible({ timeout: 30_000 });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(
      '\n/**\n * Looks things up. ![beacon](http://127.0.0.1:3961/beacon.png) <img src="http://127.0.0.1:3961/pixel.gif" alt="pixel">\n * @param q What to look up.\n */\nexport function lookup_thing(q: string): string {\n  return q;\n}\n',
    );
    await expect(page.getByTestId('tool-signature').filter({ hasText: 'lookup_thing(' })).toHaveCount(1);
    // Monaco renders the name in a token span with the space before it; hover near its end, on the name itself.
    const name = editor.locator('.view-line span span', { hasText: /^\s*lookup_thing$/ }).first();
    const box = (await name.boundingBox())!;
    await name.hover({ position: { x: box.width - 8, y: box.height / 2 } });
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Looks things up.' });
    await expect(hover).toContainText('[image: beacon — http://127.0.0.1:3961/beacon.png]');
    await expect(hover).toContainText('[image: pixel — http://127.0.0.1:3961/pixel.gif]');
    await expect(hover).toContainText('function lookup_thing(q: string): string');
    expect(await hover.locator('img').count()).toBe(0);
    expect(requests).toEqual([]);
  } finally {
    await new Promise((resolve) => beacon.close(resolve));
  }
});

test('Tab indents in the editor, Ctrl+M makes Tab move focus (the hint says so), and clicking a problem puts the cursor on its line', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Tools' }).click();
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  const hint = page.getByTestId('editor-tab-hint');
  await expect(hint).toHaveText('Tab indents · Ctrl+M: Tab moves focus');
  const axe = await new AxeBuilder({ page }).include('[data-testid="editor-tab-hint"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  const firstLine = editor.locator('.view-line').first();
  const before = (await firstLine.textContent())!;
  await page.keyboard.press('Tab');
  // Raw text: toHaveText would ignore the leading whitespace that is the point here.
  await expect.poll(() => firstLine.textContent()).not.toBe(before);
  expect((await firstLine.textContent())!.trim()).toBe(before.trim());
  expect((await firstLine.textContent())!.length).toBeGreaterThan(before.length);
  expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);

  await page.keyboard.press('Control+M');
  await expect(hint).toHaveText('Tab moves focus · Ctrl+M: Tab indents');
  const text = (await firstLine.textContent())!;
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(false);
  expect(await firstLine.textContent()).toBe(text);
  // Back to indenting, for the rest of the page's life.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+M');
  await expect(hint).toHaveText('Tab indents · Ctrl+M: Tab moves focus');

  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nexport function shout(text: string): string {\n  return text.toUpperCase();\n}\n');
  const problem = page.getByTestId('tool-errors').getByRole('button', { name: /tool `shout` needs a JSDoc comment/ });
  await expect(problem).toBeVisible();
  const line = Number((await problem.textContent())!.match(/Line (\d+)/)![1]);
  await page.keyboard.press('Control+Home');
  await expect(editor.locator('.active-line-number')).toHaveText('1');
  await problem.click();
  await expect(editor.locator('.active-line-number')).toHaveText(String(line));
  expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);
});
