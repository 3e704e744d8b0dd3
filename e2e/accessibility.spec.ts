// axe in every state a person reaches in the first hour, in both themes: zero violations of any impact, best practices
// included. Plus the theme choice and the names that a screen reader reads out as words.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADD_TOOL, openWithPlayground } from './support';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function expectClean(page: Page, state: string) {
  expect(await violations(page), state).toEqual([]);
}

async function openTheme(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
}

/** The Tools tab once Monaco has replaced the plain textarea (its colours are the ones axe should judge). */
async function openToolsEditor(page: Page) {
  await page.getByRole('tab', { name: /^Tools/ }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('FORECASTS');
}

// axe takes a long while over Monaco's DOM on a busy machine: these tests get twice the usual budget, and a run (or a
// manual turn) may take as long as the first Monaco load to come (the worker boots QuickJS and compiles the tools).
const RUN_WAIT = { timeout: 30_000 };
test.describe.configure({ timeout: 120_000 });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test('axe: the page as it opens and the Task, Settings and Prompt tabs', async ({ page }) => {
      await openTheme(page, scheme);
      await expectClean(page, 'default');
      for (const tab of ['Task', 'Settings', 'Prompt']) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
        await expectClean(page, `${tab} tab`);
      }
      // A prompt template edited (Reset, diff open) and another with a refused variable.
      await page.getByRole('textbox', { name: 'Final answer (at the step limit)' }).fill('Answer {{task}} now.');
      await page.getByText('Show diff').click();
      await page.getByRole('textbox', { name: 'Planning: first plan' }).fill('Plan {{nope}}');
      await expect(page.getByText(/unknown variable \{\{nope\}\}/)).toBeVisible();
      await expectClean(page, 'Prompt tab with edited templates');
    });

    test('axe: the Tools tab with the editor', async ({ page }) => {
      await openTheme(page, scheme);
      await openToolsEditor(page);
      await expectClean(page, 'Tools tab with the editor');
    });

    test('axe: after a run, with a step’s inspector open, and the Share dialog', async ({ page }) => {
      await openTheme(page, scheme);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByTestId('run-status')).toHaveText('Finished', RUN_WAIT);
      await page.getByRole('article', { name: 'Step 1' }).getByRole('button', { name: 'Model input and raw output' }).click();
      await expect(page.getByRole('article', { name: 'Step 1' }).getByTestId('raw-output')).toBeVisible();
      await expectClean(page, 'after a run, inspector open');

      await page.getByRole('button', { name: 'Share' }).click();
      const share = page.getByRole('dialog', { name: 'Share this playground' });
      await expect(share.getByRole('button', { name: 'Copy the link' })).toBeVisible();
      await expectClean(page, 'Share dialog');
      // After Copy the button still shows "Copy" (its name contains what it shows); the outcome is said beside it.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await share.getByRole('button', { name: 'Copy the link' }).click();
      await expect(share.getByText('Copied', { exact: true })).toBeVisible();
      await expect(share.getByRole('button', { name: 'Copy the link' })).toHaveText('Copy');
      await expectClean(page, 'Share dialog after Copy');
      await share.getByRole('button', { name: 'Close' }).click();
      await expect(share).toBeHidden();

      await page.getByRole('button', { name: 'Runs', exact: true }).click();
      await expect(page.getByRole('list', { name: 'Runs' }).getByTestId('kept-run')).toHaveCount(1);
      await expectClean(page, 'Runs list open');
      await page.getByRole('article', { name: 'Step 1' }).getByRole('button', { name: 'Edit and re-run from here' }).click();
      await expect(page.getByRole('dialog', { name: 'Edit step 1 and re-run from here' })).toBeVisible();
      await expectClean(page, 'Edit and re-run dialog');
    });

    test('axe: the Playgrounds, Examples and Export menus open', async ({ page }) => {
      await openTheme(page, scheme);
      await page.getByRole('button', { name: 'Playgrounds' }).click();
      await expect(page.getByRole('dialog', { name: 'Your playgrounds' })).toBeVisible();
      await expectClean(page, 'Playgrounds menu');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Your playgrounds' })).toBeHidden();

      await page.getByRole('button', { name: 'Examples' }).click();
      await expect(page.getByRole('menu', { name: 'Examples' })).toBeVisible();
      await expectClean(page, 'Examples menu');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu', { name: 'Examples' })).toBeHidden();

      await page.getByRole('button', { name: 'Export / Import' }).click();
      await expect(page.getByRole('dialog', { name: 'Export and import' })).toBeVisible();
      await expectClean(page, 'Export menu');
    });

    test('axe: manual mode, waiting for the person’s turn', async ({ page }) => {
      await openTheme(page, scheme);
      await page.getByLabel('Model').selectOption('manual');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByTestId('manual-composer')).toBeVisible(RUN_WAIT);
      await expect(page.getByTestId('manual-composer').getByTestId('model-message')).toHaveCount(2);
      await expectClean(page, 'manual mode');
    });

    test('axe: the phone layout (390×844) as it opens, with More open, and the Run view after a run', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openTheme(page, scheme);
      await expectClean(page, 'phone, as it opens');
      await page.getByRole('button', { name: 'More' }).click();
      await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
      await expectClean(page, 'phone, More open');
      await page.getByRole('button', { name: 'More' }).click();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByRole('tab', { name: 'Run', exact: true })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('run-status')).toHaveText('Finished', RUN_WAIT);
      await expectClean(page, 'phone, the Run view after a run');
    });

    test('axe: Settings with a team member, and a Tools tab with an error', async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openWithPlayground(page, {
        version: 1,
        title: 'Team with a broken tool',
        task: 'Add.',
        tools: `${ADD_TOOL}\nexport function shout(text: string): string {\n  return text.toUpperCase();\n}\n`,
        model: { provider: 'replay', responses: ['final_answer(1)'] },
        // The loopback MCP server Playwright starts: Settings shows it connected, with its tools.
        mcpServers: [{ name: 'weather', url: 'http://127.0.0.1:3921/mcp' }],
      });
      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.getByTestId('team-settings').getByRole('button', { name: 'Add team member' }).click();
      await expect(page.getByTestId('team-settings').getByLabel('Name', { exact: true })).toBeVisible();
      await expect(page.getByTestId('mcp-status')).toHaveText(/^Connected/);
      await expectClean(page, 'Settings → Team members and MCP servers');

      await expect(page.getByRole('tab', { name: 'Tools, 1 error' })).toBeVisible();
      await page.getByRole('tab', { name: 'Tools, 1 error' }).click();
      await expect(page.getByTestId('tool-errors')).toContainText('shout');
      await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
      await expectClean(page, 'Tools tab with an error');
    });
  });
}

test('names read as words: the Run button is “Run”, the Tools tab counts its errors', async ({ page }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Two broken tools',
    task: 'Add.',
    tools: `${ADD_TOOL}\nexport function shout(text: string): string {\n  return text;\n}\nexport function whisper(text: string): string {\n  return text;\n}\n`,
    model: { provider: 'replay', responses: ['final_answer(1)'] },
  });
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveAccessibleName('Run');
  await expect(page.getByRole('tab', { name: 'Tools, 2 errors', exact: true })).toBeVisible();
});

test('the theme follows the system and can be set by hand; the choice is kept', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).toHaveClass(/dark/);
});
