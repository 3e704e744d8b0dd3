import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findExample } from '../playground/examples';
import { encodeShareHash } from '../share/share-link';
import { compileTools } from '../tools/compile-tools';
import { startFakePublishServer, type FakePublishServer } from '../test-support/fake-publish-server';
import { memoryStorage } from '../test-support/memory-storage';

const products = findExample('top-products')!.playground;
const warmest = findExample('warmest-city')!.playground;
let server: FakePublishServer;
beforeAll(async () => {
  server = await startFakePublishServer();
  server.publish('Prod_ucts_01', { playground: products });
});
afterAll(() => server.close());

async function load() {
  vi.stubGlobal('localStorage', memoryStorage());
  vi.resetModules();
  const { useImportToolsStore } = await import('./import-tools-store');
  const { usePlaygroundStore } = await import('./playground-store');
  usePlaygroundStore.getState().openDocument(warmest);
  return { store: useImportToolsStore, importer: () => useImportToolsStore.getState(), pg: () => usePlaygroundStore.getState() };
}
beforeEach(() => vi.unstubAllGlobals());

describe('Import tools from a link', () => {
  it('offers a share link’s tools as the model would see them, with their code, and adds only the chosen ones under a note', async () => {
    const t = await load();
    const before = t.pg().doc.tools;
    t.importer().setInput(`https://elsewhere.example/#${encodeShareHash({ playground: products })}`);
    await t.importer().load();
    expect(t.importer().phase).toBe('ready');
    expect(t.importer().offered.map((o) => o.name)).toEqual(['list_orders', 'get_product']);
    const offered = t.importer().offered.find((o) => o.name === 'get_product')!;
    // This playground is a CodeAgent: the model reads a declaration with the JSDoc.
    expect(offered.rendered).toMatch(/Looks up a product by its id[\s\S]*get_product\(id: number\): Promise<Product>/);
    expect(offered.code).toContain('const PRODUCTS: Product[]');
    // Loading changed nothing yet.
    expect(t.pg().doc.tools).toBe(before);

    await t.importer().toggle('get_product', true);
    expect(t.importer().problems).toEqual([]);
    expect(await t.importer().add()).toBe(true);
    const tools = t.pg().doc.tools;
    expect(tools.startsWith(before.trimEnd())).toBe(true);
    expect(tools).toMatch(/\n\/\/ Imported tool get_product from a share link to “Top products, with a plan and a mistake” \(content [0-9a-f]{12}\)\. Written by someone else/);
    expect(compileTools(tools).errors).toEqual([]);
    expect(compileTools(tools).tools.map((x) => x.name)).toEqual(['get_forecast', 'convert_temperature', 'get_product']);
    expect(t.importer().notice).toMatch(/^Added `get_product` to your tools/);
  });

  it('reads a published id from this app’s server (GET /api/playgrounds/<id>) and names its /p/ address', async () => {
    const t = await load();
    t.importer().setInput('Prod_ucts_01');
    await t.importer().load({ baseUrl: server.url });
    expect(t.importer().from).toBe(`${server.url}/p/Prod_ucts_01`);
    await t.importer().toggle('list_orders', true);
    await t.importer().add();
    expect(t.pg().doc.tools).toContain(`// Imported tool list_orders from ${server.url}/p/Prod_ucts_01.`);
  });

  it('shows a clash before Add and adds nothing; a link that cannot be read leaves the input and the tools alone', async () => {
    const t = await load();
    const before = t.pg().doc.tools;
    t.importer().setInput(encodeShareHash({ playground: { ...products, tools: products.tools.replaceAll('get_product', 'get_forecast') } }));
    await t.importer().load();
    await t.importer().toggle('get_forecast', true);
    expect(t.importer().problems).toEqual([expect.stringMatching(/^`get_forecast` is already the name of something else in your playground/)]);
    expect(await t.importer().add()).toBe(false);
    expect(t.pg().doc.tools).toBe(before);

    t.importer().setInput('https://elsewhere.example/#share=2.AAAA');
    await t.importer().load();
    expect(t.importer()).toMatchObject({ phase: 'idle', input: 'https://elsewhere.example/#share=2.AAAA', error: expect.stringMatching(/damaged/) });
    expect(t.pg().doc.tools).toBe(before);
  });
});
