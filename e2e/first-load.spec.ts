import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';

// Strings only the TypeScript compiler's and Monaco's code contain (a compiler diagnostic, a class name of Monaco's core).
const TYPESCRIPT_SIGNATURE = 'An index signature parameter cannot have an accessibility modifier.';
const MONACO_SIGNATURE = 'monaco-editor-background';
// How long a person would wait for a visit's first run, which loads the runner worker (compiler, QuickJS) cold.
const FIRST_RUN_MS = 30_000;

/** Holds back every script that is the Monaco editor: it never loads, as on a connection that hasn't got to it yet. */
async function blockMonaco(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/_next/static/chunks/*.js', async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(MONACO_SIGNATURE)) {
      blocked.push(route.request().url());
      return route.abort();
    }
    return route.fulfill({ response, body });
  });
  return blocked;
}

test('a first visit runs the example to its answer while the code editor has not loaded', async ({ page }) => {
  const blocked = await blockMonaco(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // The first run of a visit waits for the runner worker to load the compiler and QuickJS: slow on a busy machine.
  await expect(page.getByTestId('final-answer')).toHaveText('Cairo: 34 °C (93.2 °F)', { timeout: FIRST_RUN_MS });
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByTestId('step').first().getByTestId('step-thought')).toContainText('I need tomorrow');
  // Nothing asked for the editor: it loads when the Tools tab shows it.
  expect(blocked).toEqual([]);
});

test('the page loads neither the TypeScript compiler nor Monaco until they are needed; the Tools tab then loads the editor', async ({ page }) => {
  // The page's own scripts (workers load theirs apart: the runner worker holds the compiler).
  const pageScripts: Promise<string>[] = [];
  let collecting = true; // until the run has finished: the editor's own scripts come later, on purpose
  page.on('response', (response) => {
    if (!collecting) return;
    const request = response.request();
    let fromPage = false;
    try {
      fromPage = request.frame() === page.mainFrame();
    } catch {
      // a worker's request has no frame
    }
    if (request.resourceType() === 'script' && fromPage) pageScripts.push(response.text());
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished', { timeout: FIRST_RUN_MS });
  collecting = false;
  const bodies = await Promise.all(pageScripts);
  expect(bodies.length).toBeGreaterThan(3);
  expect(bodies.filter((b) => b.includes(TYPESCRIPT_SIGNATURE))).toHaveLength(0);
  expect(bodies.filter((b) => b.includes(MONACO_SIGNATURE))).toHaveLength(0);

  await page.getByRole('tab', { name: 'Tools' }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
});

test('while the runner loads, the timeline says the run is starting; then the steps come', async ({ page }) => {
  // The runner worker's first script is held until the test lets it go: the run has started, the sandbox isn't there yet.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/runner-worker|turbopack-worker/, async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Starting the run' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
  release();
  await expect(page.getByTestId('run-status')).toHaveText('Finished', { timeout: FIRST_RUN_MS });
  await expect(page.getByTestId('run-starting')).toHaveCount(0);
});
