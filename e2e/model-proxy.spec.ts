// The model proxy: a run through the app's server reaches the model with the server's key; other targets are refused.
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../lib/test-support/fake-openai-server';
import { expect, test } from './fixtures';
import { ADD_TOOL, fence, openWithPlayground } from './support';

const SERVER_KEY = 'sk-server-side-0123456789';
let fake: FakeOpenAIServer;

test.beforeAll(async () => {
  fake = await startFakeOpenAIServer({ port: 3918, models: ['fake-proxied'], apiKey: SERVER_KEY });
});
test.afterAll(() => fake.close());

test('a run through the app’s server reaches the model, using the key the server holds', async ({ page }) => {
  fake.reply({ text: fence('const s = add(20, 22);\nconsole.log(s);', 'Thought: add.') }, { text: fence('final_answer(s)', 'Thought: done.') });
  await openWithPlayground(page, {
    version: 1,
    task: 'Add 20 and 22.',
    tools: ADD_TOOL,
    model: { provider: 'openai-compatible', preset: 'custom', baseURL: fake.baseURL, model: 'fake-proxied', via: 'proxy' },
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-summary')).toContainText('Finished', { timeout: 20_000 });
  await expect(page.getByTestId('run-summary')).toContainText('42');
  const chat = fake.requests.filter((r) => r.path === '/v1/chat/completions');
  expect(chat).toHaveLength(2);
  // The browser sent no key; the proxy added its own and forwarded no cookie or origin.
  expect(chat[0]!.headers.authorization).toBe(`Bearer ${SERVER_KEY}`);
  expect(chat[0]!.headers.cookie).toBeUndefined();
  expect(chat[0]!.headers.origin).toBeUndefined();
});

test('the proxy is not an open proxy: other hosts, internal addresses and odd schemes are refused', async ({ request, baseURL }) => {
  const before = fake.requests.length;
  const attempts = [
    { provider: 'openai-compatible', base: 'https://evil.example.com/v1' },
    { provider: 'openai-compatible', base: 'http://10.0.0.5:8000/v1' },
    { provider: 'openai-compatible', base: 'http://127.0.0.1:3000/v1' },
    { provider: 'openai-compatible', base: 'file:///etc/passwd' },
    { provider: 'openai-compatible', base: 'https://openrouter.ai.evil.com/api/v1' },
    { provider: 'gopher', base: undefined },
  ];
  for (const { provider, base } of attempts) {
    const response = await request.post(`/api/model-proxy/${provider}/chat/completions`, {
      // As from the app's own page, so each is refused for its target.
      headers: { 'content-type': 'application/json', origin: baseURL!, ...(base ? { 'x-proxy-base-url': base } : {}) },
      data: { model: 'x', messages: [] },
    });
    expect([403, 404], `${provider} ${base}`).toContain(response.status());
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message.length, `${provider} ${base}`).toBeGreaterThan(10);
  }
  expect(fake.requests.length).toBe(before);
});

test('the proxy forwards only model API calls from the app’s own pages, and never fills an empty key with its own', async ({ request, baseURL }) => {
  const before = fake.requests.length;
  const own = { 'content-type': 'application/json', 'x-proxy-base-url': fake.baseURL, origin: baseURL! };
  const data = { model: 'fake-proxied', messages: [] };
  const refused = async (path: string, headers: Record<string, string>, status: number, says: RegExp) => {
    const response = await request.post(`/api/model-proxy/openai-compatible/${path}`, { headers, data });
    expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(status);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['referrer-policy']).toBe('no-referrer');
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(says);
  };
  // Not a model API path (Ollama's own API, an admin page): refused, with what is forwarded.
  await refused('api/pull', own, 403, /is not one.*POST chat\/completions/);
  await refused('chat/completions', { ...own, 'x-proxy-base-url': `${fake.baseURL}/../admin` }, 400, /"\." or "\.\." segment/);
  // Another site's page, or a script without Origin: refused.
  await refused('chat/completions', { ...own, origin: 'https://evil.example' }, 403, /another origin/);
  const { origin: _dropped, ...noOrigin } = own;
  await refused('chat/completions', noOrigin, 403, /MODEL_PROXY_ALLOW_NO_ORIGIN=1/);
  // An empty key is refused, not replaced by the server's.
  await refused('chat/completions', { ...own, authorization: 'Bearer ' }, 401, /authorization header is empty/);
  expect(fake.requests.length).toBe(before);

  // The status route says which hosts get a key, never the key.
  const status = await request.get('/api/model-proxy-status');
  const text = await status.text();
  expect(text).not.toContain(SERVER_KEY);
  expect(JSON.parse(text)).toMatchObject({
    allowedHosts: [
      { host: '127.0.0.1:3917', serverKey: false },
      { host: '127.0.0.1:3918', keyVariable: 'OPENAI_COMPATIBLE_API_KEY', serverKey: true },
      { host: '127.0.0.1:3919', serverKey: false },
    ],
  });
});
