// Import tools from a link: another example's share link, its tools shown untrusted as the model sees them, one
// chosen and appended under a note of where it came from; nothing ran until Run, and the run uses the imported tool.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { playgroundSchema } from '../lib/playground/schema';
import { encodeShareHash } from '../lib/share/share-link';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground } from './support';

// The bundled example, read as a file (Playwright's loader does not import JSON modules).
const topProducts = playgroundSchema.parse(JSON.parse(readFileSync(new URL('../lib/playground/examples/top-products.json', import.meta.url), 'utf8')));

test('imports a chosen tool from another example’s share link, and the run uses it', async ({ page, baseURL }) => {
  await openWithPlayground(page, {
    version: 1,
    title: 'Shop questions',
    task: 'What is product 2 called?',
    tools: ADD_TOOL,
    model: { provider: 'replay', responses: [fence('const p = await get_product(2);\nfinal_answer(p.name);', 'Thought: I look it up.')], delayMs: 0 },
  });
  await page.getByRole('tab', { name: 'Tools' }).click();
  const importer = page.getByTestId('import-tools');
  await expect(importer.getByRole('heading', { name: 'Import tools from a link' })).toBeVisible();

  // Something that is not a link: a clear message, nothing else changes.
  await importer.getByLabel('Published id, /p/ address or share link').fill('hello there');
  await importer.getByRole('button', { name: 'Read its tools' }).click();
  await expect(importer.getByRole('alert')).toContainText('This is not a link to a playground');

  const link = `${baseURL}/#${encodeShareHash({ playground: topProducts })}`;
  await importer.getByLabel('Published id, /p/ address or share link').fill(link);
  await importer.getByRole('button', { name: 'Read its tools' }).click();
  const offer = importer.getByTestId('import-offer');
  await expect(offer).toContainText('Untrusted: these tools come from a share link to “Top products, with a plan and a mistake”');
  await expect(offer.getByTestId('import-rendered-get_product')).toContainText('Looks up a product by its id');
  await expect(offer.getByTestId('import-rendered-list_orders')).toContainText('Lists the orders placed in a month');
  await offer.getByRole('button', { name: /^View code of get_product/ }).click();
  await expect(offer.getByTestId('import-code-get_product')).toContainText('const PRODUCTS: Product[] = [');
  // Reading the link opened nothing and ran nothing: this playground is still the one on screen, with its own tools.
  await expect(page.getByTestId('run-status')).toHaveCount(0);
  await expect(page.getByLabel('Playground title')).toHaveValue('Shop questions');
  await expect(page.getByTestId('tool-list')).not.toContainText('get_product');

  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
  const axe = await new AxeBuilder({ page }).include('[data-testid="import-tools"]').withTags(tags).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await offer.getByRole('checkbox', { name: 'Add get_product' }).check();
  await offer.getByRole('button', { name: 'Add 1 tool' }).click();
  await expect(importer.getByRole('status')).toContainText('Added `get_product` to your tools, each under a comment saying where it came from.');
  await expect(page.getByTestId('tool-list')).toContainText('get_product');
  await expect(page.getByTestId('tool-list')).not.toContainText('list_orders');

  await page.getByRole('button', { name: /^(▶ )?Run$/ }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Finished');
  await expect(page.getByTestId('final-answer')).toHaveText('Catan');
});

test('imports from a published id and from its /p/ address (GET /api/playgrounds/<id> on this server); an unknown id is said clearly', async ({ page, baseURL, offlineGuard }) => {
  // The unknown id's 404 is the browser's own log line for a refused fetch, provoked on purpose.
  offlineGuard.allowConsoleErrors(/status of 404 \(Not Found\)/);
  const warmest = playgroundSchema.parse(JSON.parse(readFileSync(new URL('../lib/playground/examples/warmest-city.json', import.meta.url), 'utf8')));
  const published = await page.request.post(`${baseURL}/api/playgrounds`, { data: { playground: warmest } });
  expect([200, 201]).toContain(published.status());
  const { id } = (await published.json()) as { id: string };

  await openWithPlayground(page, {
    version: 1,
    title: 'Boiling',
    task: 'What is 100 °C in °F?',
    tools: ADD_TOOL,
    model: { provider: 'replay', responses: [fence('final_answer(convert_temperature(100, "fahrenheit"));')], delayMs: 0 },
  });
  await page.getByRole('tab', { name: 'Tools' }).click();
  const importer = page.getByTestId('import-tools');
  const field = importer.getByLabel('Published id, /p/ address or share link');

  await field.fill('NoSuchId_000');
  await importer.getByRole('button', { name: 'Read its tools' }).click();
  await expect(importer.getByRole('alert')).toContainText('No playground is published as NoSuchId_000');

  await field.fill(`${baseURL}/p/${id}`);
  await importer.getByRole('button', { name: 'Read its tools' }).click();
  await expect(importer.getByTestId('import-offer')).toContainText(`these tools come from ${baseURL}/p/${id}`);
  await importer.getByRole('button', { name: 'Cancel' }).click();

  await field.fill(id);
  await importer.getByRole('button', { name: 'Read its tools' }).click();
  const offer = importer.getByTestId('import-offer');
  await expect(offer).toContainText(`these tools come from ${baseURL}/p/${id}`);
  await expect(offer.getByTestId('import-rendered-convert_temperature')).toContainText('Converts a temperature between Celsius and Fahrenheit');
  await offer.getByRole('checkbox', { name: 'Add convert_temperature' }).check();
  await offer.getByRole('button', { name: 'Add 1 tool' }).click();
  await expect(importer.getByRole('status')).toContainText('Added `convert_temperature`');
  await expect(page.getByTestId('tool-list')).toContainText('convert_temperature');

  await page.getByRole('button', { name: /^(▶ )?Run$/ }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('212');
});
