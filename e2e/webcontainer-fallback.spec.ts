// The WebContainer sandbox when StackBlitz can't be reached: the app says why within the boot timeout and offers
// QuickJS, which then runs the playground. And the cross-origin isolation headers WebContainer needs, everywhere.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground } from './support';

/** Read by lib/sandbox/webcontainer/page-webcontainer.ts when the boot starts. */
const BOOT_TIMEOUT_KEY = 'agent-playground:webcontainer-boot-timeout-ms';
const BOOT_TIMEOUT_MS = 1_500;

test('with StackBlitz blocked, WebContainer is unavailable with its reason within the timeout, and one click runs on QuickJS', async ({ page, offlineGuard }) => {
  // StackBlitz is refused here on purpose (by the routes below, which come before the guard's own).
  offlineGuard.allowExternal(/^https:\/\/([a-z0-9-]+\.)*stackblitz\.com\//);
  const blocked: string[] = [];
  for (const pattern of ['https://stackblitz.com/**', 'https://*.stackblitz.com/**']) {
    await page.route(pattern, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
  }
  await openWithPlayground(page, {
    version: 1,
    title: 'WebContainer, or else',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    model: { provider: 'replay', responses: [fence('final_answer(add(2, 3))')] },
    sandbox: { kind: 'webcontainer', packages: ['lodash'] },
  });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [BOOT_TIMEOUT_KEY, String(BOOT_TIMEOUT_MS)] as const);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);

  const clicked = Date.now();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // While the run waits, a countdown says how long the boot may still take.
  const booting = page.getByTestId('webcontainer-boot-notice');
  await expect(booting).toContainText(/Starting WebContainer .*… \d s left/);
  const notice = page.getByTestId('start-error');
  await expect(notice).toContainText('the WebContainer sandbox is unavailable', { timeout: BOOT_TIMEOUT_MS + 3_000 });
  expect(Date.now() - clicked).toBeLessThan(BOOT_TIMEOUT_MS + 3_000);
  await expect(booting).toHaveCount(0);
  await expect(notice).toContainText(/WebContainer's runtime is served by StackBlitz, and it could not be reached within 1\.5 s \(offline, blocked .*\)\. Retry, or run on QuickJS\./);
  await expect(notice).not.toContainText('Reload');
  const headless = () => blocked.filter((url) => url.startsWith('https://stackblitz.com/headless')).length;
  expect(headless()).toBe(1);
  await expect(page.getByTestId('run-summary')).toHaveCount(0);
  // The notice, its reason and the ways on are readable by everyone.
  const axe = await new AxeBuilder({ page }).include('[data-testid="start-error"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Retry boots again: StackBlitz's frame is asked for again, with the same countdown, and fails the same way.
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(booting).toContainText(/\d s left/);
  await expect(notice).toContainText('could not be reached within 1.5 s', { timeout: BOOT_TIMEOUT_MS + 3_000 });
  expect(headless()).toBe(2);

  // The status line in Settings says the same and offers the same ways on.
  await page.getByRole('tab', { name: 'Settings' }).click();
  const status = page.getByTestId('webcontainer-status');
  await expect(status).toHaveAttribute('data-state', 'unavailable');
  await expect(status.getByRole('status')).toHaveText(/^WebContainer: Unavailable: WebContainer's runtime is served by StackBlitz/);
  await expect(status.getByRole('button', { name: 'Retry' })).toBeVisible();
  const statusAxe = await new AxeBuilder({ page }).include('[data-testid="webcontainer-status"]').analyze();
  expect(statusAxe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await notice.getByRole('button', { name: 'Run on QuickJS' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByTestId('run-sandbox')).toHaveText('quickjs');
  await expect(page.getByTestId('final-answer')).toHaveText('5');
  await expect(page.getByRole('combobox', { name: 'Sandbox' })).toHaveValue('quickjs');
  await expect(page.getByTestId('start-error')).toHaveCount(0);
});

test('the packages box takes one package per line; a wrong name stays in the box with the reason and is not saved', async ({ page }) => {
  await openWithPlayground(page, { version: 1, title: 'Packages', task: 'x', sandbox: { kind: 'webcontainer', packages: ['lodash'] } });
  await page.getByRole('tab', { name: 'Settings' }).click();
  // Nothing boots until the person runs or asks for it.
  await expect(page.getByTestId('webcontainer-status').getByRole('status')).toHaveText('WebContainer: Not started: it boots when you run the playground.');
  const box = page.getByRole('textbox', { name: 'npm packages the code may import (one per line)' });
  await expect(box).toHaveValue('lodash');
  await box.fill('lodash\ndate-fns@4.1.0');
  await box.press('End');
  await box.pressSequentially('\nNot A Package!');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('“Not” must be an npm package name')).toBeVisible();
  await expect(box).toHaveValue('lodash\ndate-fns@4.1.0\nNot A Package!');
  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('textbox', { name: 'npm packages the code may import (one per line)' })).toHaveValue('lodash\ndate-fns@4.1.0');
});

test('every route and static asset carries the cross-origin isolation headers', async ({ page, request }) => {
  // What the browser itself loads: the page, its chunks and styles, the runner worker's script.
  const loaded: { url: string; coop?: string; coep?: string }[] = [];
  page.on('response', (response) => {
    const headers = response.headers();
    loaded.push({ url: response.url(), coop: headers['cross-origin-opener-policy'], coep: headers['cross-origin-embedder-policy'] });
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  const own = loaded.filter((r) => r.url.startsWith(new URL(page.url()).origin + '/'));
  expect(own.filter((r) => r.url.includes('/_next/static/')).length).toBeGreaterThan(2);
  for (const r of own) expect([r.url, r.coop, r.coep]).toEqual([r.url, 'same-origin', 'require-corp']);

  const assets = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')]
      .map((el) => ('src' in el && el.src ? el.src : (el as HTMLLinkElement).href))
      .filter((url) => url.includes('/_next/static/')),
  );
  const scripts = assets.filter((url) => url.endsWith('.js'));
  const styles = assets.filter((url) => url.endsWith('.css'));
  expect(scripts.length).toBeGreaterThan(0);
  expect(styles.length).toBeGreaterThan(0);
  const urls = ['/', '/?x=1', '/icon.svg', '/api/model-proxy-status', '/no-such-page', scripts[0]!, styles[0]!];
  for (const url of urls) {
    const response = await request.get(url);
    expect(response.status(), url).toBeLessThan(500);
    expect(response.headers()['cross-origin-opener-policy'], url).toBe('same-origin');
    expect(response.headers()['cross-origin-embedder-policy'], url).toBe('require-corp');
  }
});
