// The publish API on the built server, as a client calls it: publish, the same content again, fetch, unpublish, and
// the records land in the test run's own data folder (PUBLISH_DATA_DIR), never in the repo.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('publishes, dedupes, fetches and unpublishes a playground over HTTP', async ({ request, baseURL }) => {
  const playground = { version: 1, task: `e2e publish ${Date.now()}` };
  const created = await request.post('/api/playgrounds', { data: { playground } });
  expect(created.status()).toBe(201);
  const { id, url, deleteToken } = (await created.json()) as { id: string; url: string; deleteToken: string };
  expect(url).toBe(`${baseURL}/p/${id}`);

  const again = await request.post('/api/playgrounds', { data: { playground } });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual({ id, url });

  const fetched = await request.get(`/api/playgrounds/${id}`);
  expect(fetched.status()).toBe(200);
  expect(((await fetched.json()) as { playground: { task: string } }).playground.task).toBe(playground.task);

  const secret = await request.post('/api/playgrounds', { data: { playground: { ...playground, model: { provider: 'openai', model: 'x', apiKey: 'sk-e2e' } } } });
  expect(secret.status()).toBe(400);
  expect(((await secret.json()) as { error: string }).error).toMatch(/secret/);

  expect((await request.delete(`/api/playgrounds/${id}`, { headers: { 'x-delete-token': 'wrong' } })).status()).toBe(403);
  expect((await request.delete(`/api/playgrounds/${id}`, { headers: { 'x-delete-token': deleteToken } })).status()).toBe(204);
  const gone = await request.get(`/api/playgrounds/${id}`);
  expect(gone.status()).toBe(404);
  expect(((await gone.json()) as { error: string }).error).toMatch(/unpublished/);

  expect(existsSync(join(process.env.E2E_PUBLISH_DATA_DIR!, 'playgrounds.sqlite'))).toBe(true);
  expect(existsSync(join(process.cwd(), 'data'))).toBe(false);
});
