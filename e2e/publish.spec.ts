// Publish: the Share dialog stores the playground and its run on the app's server behind a short link /p/<id>;
// opening it elsewhere is opening a share link (review banner, nothing runs, the run replays offline); Unpublish
// removes it, and the short link then says so.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { freshPage } from './support';

const CAIRO = 'Cairo: 34 °C (93.2 °F)';
const LIBRARY_KEY = 'agent-playground:library';

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  return page.getByRole('dialog', { name: 'Share this playground' });
}

test('publish a bundled example with its run, open /p/<id> in a fresh browser (under review, nothing runs, replays offline), unpublish, and the link says it is gone', async ({ page, browser, baseURL, request, offlineGuard }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText(CAIRO, { timeout: 20_000 });
  const steps = await page.getByTestId('step').count();

  const dialog = await openShare(page);
  await expect(dialog.getByLabel('Include the recorded run')).toBeChecked();
  const hashLink = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  const short = await dialog.getByRole('textbox', { name: 'Short link' }).inputValue();
  expect(short).toMatch(new RegExp(`^${baseURL}/p/[A-Za-z0-9_-]{12}$`));
  const id = short.slice(-12);
  expect(short.length).toBeLessThan(hashLink.length / 10);
  await expect(dialog.getByRole('textbox', { name: 'Embed in a web page' })).toHaveValue(new RegExp(`^<iframe src="${baseURL}/embed/${id}"`));
  // The delete token is kept in this browser's library item, and in neither link.
  const token = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).state.items.flatMap((i: { publications?: { deleteToken: string }[] }) => i.publications ?? [])[0]?.deleteToken, LIBRARY_KEY);
  expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  expect(hashLink).not.toContain(token);
  expect(short).not.toContain(token);

  // Publishing the same content again: the same record, the same link.
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('publish-info')).toContainText('the same short link again');
  await expect(dialog.getByRole('textbox', { name: 'Short link' })).toHaveValue(short);

  const other = await freshPage(browser, baseURL);
  const { page: them } = other;
  await them.goto(short);
  await them.getByRole('button', { name: 'Run', exact: true }).waitFor();
  const banner = them.getByTestId('shared-banner');
  await expect(banner).toContainText('Shared playground: review the tools before running.');
  await expect(banner).toContainText('The timeline shows the run recorded with replay; Run replays it offline, with no key.');
  // Nothing ran: the recorded run is on the timeline, and no run is going.
  await expect(them.getByTestId('final-answer')).toHaveText(CAIRO);
  await expect(them.getByTestId('step')).toHaveCount(steps);
  await expect(them.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  // The address is the app's now: a reload opens the playground, not the record again.
  expect(new URL(them.url()).pathname).toBe('/');
  expect(await them.evaluate((key) => JSON.parse(localStorage.getItem(key)!).state.items.length, LIBRARY_KEY)).toBe(2);
  // The recorded run replays offline (the fresh page fails on any request leaving 127.0.0.1).
  await them.getByRole('tab', { name: 'Settings' }).click();
  await them.getByLabel('Delay between streamed pieces (ms)').fill('20');
  await them.getByLabel('Delay between streamed pieces (ms)').press('Tab');
  await them.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(them.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(them.getByRole('button', { name: 'Run', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(them.getByTestId('final-answer')).toHaveText(CAIRO);
  await expect(them.getByTestId('step')).toHaveCount(steps);

  // Unpublish, from the browser that published it.
  await dialog.getByRole('button', { name: 'Unpublish' }).click();
  await expect(dialog.getByTestId('publish-info')).toContainText('Unpublished');
  await expect(dialog.getByRole('textbox', { name: 'Short link' })).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key)!.includes('publications'), LIBRARY_KEY)).toBe(false);
  expect((await request.get(`/api/playgrounds/${id}`)).status()).toBe(404);
  await dialog.getByRole('button', { name: 'Close' }).click();

  offlineGuard.allowConsoleErrors(/status of 404/);
  const gone = await page.goto(short);
  expect(gone!.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This published playground does not exist or was unpublished' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the playground' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await other.close();
});

test('an id that is not of the id alphabet, or unknown, gets the clear page with HTTP 404, not a 500', async ({ page, offlineGuard }) => {
  offlineGuard.allowConsoleErrors(/status of 404/);
  for (const path of ['/p/AAAAAAAAAAAA', '/p/not*an*id', '/embed/AAAAAAAAAAAA']) {
    const answer = await page.goto(path);
    expect(answer!.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'This published playground does not exist or was unpublished' })).toBeVisible();
  }
});

test('API failures are explained in the dialog and the playground is kept', async ({ page, offlineGuard }) => {
  offlineGuard.allowConsoleErrors(/status of 429/, /ERR_CONNECTION_REFUSED|ERR_FAILED/);
  await page.goto('/');
  await page.route('**/api/playgrounds', (route) =>
    route.fulfill({ status: 429, headers: { 'Retry-After': '1200', 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'Too many publishes from this address' }) }),
  );
  const dialog = await openShare(page);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('publish-error')).toContainText('try again in 20 minutes');
  await expect(dialog.getByTestId('publish-error')).toContainText('Your playground is unchanged');
  await page.route('**/api/playgrounds', (route) => route.abort('connectionrefused'));
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('publish-error')).toContainText('could not be reached');
  await expect(dialog.getByRole('textbox', { name: 'Link' })).toHaveValue(/#share=2\./);
});
