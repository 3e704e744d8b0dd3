// The embed: a course page on another origin puts the Share dialog's <iframe> snippet in; the published run shows
// inside it read-only, Replay plays it again offline, and nothing asks for a key or a model.
import { createServer, type Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const CAIRO = 'Cairo: 34 °C (93.2 °F)';
const COURSE_PORT = 3960;

let course: Server;
let coursePage = '';
test.beforeAll(async () => {
  // A course page that is itself cross-origin isolated, the strictest embedder: the embed must allow it.
  course = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.end(`<!doctype html><html><head><title>Week 3: code agents</title></head><body><h1>Week 3</h1>${coursePage}</body></html>`);
  });
  await new Promise<void>((resolve) => course.listen(COURSE_PORT, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => course.close(() => resolve())));

async function publishFromDialog(page: Page, includeRun: boolean) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this playground' });
  const checkbox = dialog.getByLabel('Include the recorded run');
  if (await checkbox.count()) await checkbox.setChecked(includeRun);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  const short = await dialog.getByRole('textbox', { name: 'Short link' }).inputValue();
  return { dialog, short, id: short.slice(-12) };
}

test('the iframe snippet shows the run on another origin; Replay plays it again offline; no key or model is asked for', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText(CAIRO, { timeout: 20_000 });
  const steps = await page.getByTestId('step').count();
  const { dialog, id } = await publishFromDialog(page, true);
  coursePage = await dialog.getByRole('textbox', { name: 'Embed in a web page' }).inputValue();
  expect(await axeViolations(page), 'the Share dialog with a published record').toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.headers()['authorization'] ?? ''}`));
  await page.goto(`http://127.0.0.1:${COURSE_PORT}/`);
  await expect(page.getByRole('heading', { name: 'Week 3' })).toBeVisible();
  const embed = page.frameLocator('iframe');
  await expect(embed.getByTestId('final-answer')).toHaveText(CAIRO);
  await expect(embed.getByTestId('step')).toHaveCount(steps);
  await expect(embed.getByRole('link', { name: 'Open in the playground' })).toHaveAttribute('href', /^\/p\/[A-Za-z0-9_-]{12}$/);
  // Read-only: no editors, no Run.
  await expect(embed.getByRole('textbox')).toHaveCount(0);
  await expect(embed.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);

  await embed.getByRole('button', { name: 'Replay' }).click();
  await expect(embed.getByTestId('embed-status')).toContainText('Replaying the recorded run');
  await expect(embed.getByTestId('final-answer')).toHaveCount(0);
  await expect(embed.getByTestId('final-answer')).toHaveText(CAIRO, { timeout: 20_000 });
  await expect(embed.getByTestId('step')).toHaveCount(steps);

  // Only the course page, the embed page and the app's own static files were fetched: no model, no key, no API.
  const app = new URL(baseURL!).origin;
  const other = requests.filter((r) => {
    const [method, url] = r.split(' ');
    const u = new URL(url!);
    if (method !== 'GET') return true;
    if (u.origin === `http://127.0.0.1:${COURSE_PORT}`) return false;
    return !(u.origin === app && (u.pathname.startsWith('/embed/') || u.pathname.startsWith('/_next/static/') || u.pathname === '/favicon.ico' || u.pathname === '/icon.svg'));
  });
  expect(other).toEqual([]);
  expect(requests.some((r) => r.includes('model-proxy') || / \S+$/.test(r))).toBe(false);

  // The embed on its own, as axe sees it.
  await page.goto(`/embed/${id}`);
  await expect(page.getByTestId('final-answer')).toHaveText(CAIRO);
  expect(await axeViolations(page), 'the embed').toEqual([]);
});

test('a playground published without its run: the dialog says the embed needs a run, and the embed says there is none', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText(CAIRO, { timeout: 20_000 });
  const { dialog, id } = await publishFromDialog(page, false);
  await expect(dialog.getByTestId('embed-needs-run')).toContainText('this record holds no run');
  await expect(dialog.getByRole('textbox', { name: 'Embed in a web page' })).toHaveCount(0);
  await page.goto(`/embed/${id}`);
  await expect(page.getByTestId('embed-no-run')).toContainText('holds no recorded run');
  await expect(page.getByRole('button', { name: 'Replay' })).toHaveCount(0);
  expect(await axeViolations(page), 'the embed without a run').toEqual([]);
});
