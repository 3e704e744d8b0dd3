// Sending a run live to an OTLP/HTTP endpoint from Settings, in the built app. The endpoint is a loopback server this
// spec starts without CORS headers, as Phoenix and Langfuse Cloud are: the page then goes through the app's server.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeOtlpProtobuf, decodedAttr } from '../lib/test-support/decode-otlp-protobuf';
import { expect, test } from './fixtures';

const HEADER_SECRET = 'Bearer otlp-SECRET-e2e-0123456789';
const CAIRO = 'Cairo: 34 °C (93.2 °F)';

let server: Server;
let endpoint: string;
const posts: { headers: IncomingHttpHeaders; body: Buffer }[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') posts.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('Settings sends the run as OTLP/protobuf with its headers, through the app’s server when the browser cannot reach the endpoint', async ({ page, offlineGuard }) => {
  // The browser's own try is refused by CORS on purpose: that is when the page goes through the app's server.
  offlineGuard.allowConsoleErrors(/blocked by CORS policy/, /Failed to load resource: net::ERR_FAILED/);
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText(CAIRO, { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Settings' }).click();
  const otlp = page.getByTestId('otlp-settings');
  await otlp.getByLabel('Endpoint').fill(endpoint);
  await otlp.getByLabel('Headers', { exact: true }).fill(`Authorization: ${HEADER_SECRET}`);
  await otlp.getByRole('button', { name: 'Send run to OpenTelemetry' }).click();
  await expect(otlp.getByRole('status')).toHaveText(/^Sent \d+ spans through this app’s server \(200\)\.$/);

  // The app's server delivered it (no Origin: not the browser). Playwright's request routing (the offline guard) answers
  // CORS preflights itself, so the browser's own POST may arrive too, its answer then withheld from the page by CORS.
  const proxied = posts.at(-1)!;
  expect(proxied.headers.origin).toBeUndefined();
  expect(posts.length).toBeLessThanOrEqual(2);
  for (const post of posts) expect(post.body.equals(proxied.body)).toBe(true);
  expect(proxied.headers['content-type']).toBe('application/x-protobuf');
  expect(proxied.headers.authorization).toBe(HEADER_SECRET);
  const spans = decodeOtlpProtobuf(new Uint8Array(proxied.body)).resourceSpans[0]!.scopeSpans[0]!.spans;
  expect(spans[0]!.name).toBe('invoke_agent main');
  expect(spans.filter((s) => s.name.startsWith('execute_tool ')).length).toBeGreaterThan(0);
  expect(spans.every((s) => !/step \d/.test(s.name))).toBe(true);
  const sent = (await otlp.getByRole('status').textContent())!;
  expect(Number(/Sent (\d+)/.exec(sent)![1])).toBe(spans.length);
  expect(JSON.parse(decodedAttr(spans.find((s) => decodedAttr(s, 'gen_ai.operation.name') === 'chat')!, 'gen_ai.output.messages') as string)[0].finish_reason).toBe('stop');

  // The header value was not asked to be remembered: it is in no storage of this browser.
  await page.waitForTimeout(300);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(storage).toContain(endpoint);
  expect(storage).not.toContain(HEADER_SECRET);
});
