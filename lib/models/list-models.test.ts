import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../test-support/fake-openai-server';
import { listModels } from './list-models';

const KEY = 'sk-list-0123456789abcdef';
let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer({ models: ['qwen2.5-coder', 'llama3.2', 'llama3.2'], apiKey: KEY });
});
afterAll(() => server.close());

describe('listModels', () => {
  it('lists the models an OpenAI-compatible server offers, sorted, once each', async () => {
    expect(await listModels({ baseURL: `${server.baseURL}/`, apiKey: KEY, via: 'browser' })).toEqual({ ok: true, models: ['llama3.2', 'qwen2.5-coder'] });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('says what went wrong, without the key', async () => {
    const wrong = await listModels({ baseURL: server.baseURL, apiKey: 'sk-nope-0123456789abcdef', via: 'browser' });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toMatch(/answered 401/);
    expect(!wrong.ok && wrong.message).not.toContain('sk-nope-0123456789abcdef');

    const notThere = await listModels({ baseURL: 'http://127.0.0.1:1/v1', via: 'browser', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect(!notThere.ok && notThere.message).toMatch(/could not reach http:\/\/127\.0\.0\.1:1\/v1\/models .*CORS/);
  });

  it('goes through the proxy with the real address in a header', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const fakeFetch = async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), headers: init?.headers as Record<string, string> });
      return new Response(JSON.stringify({ data: [{ id: 'm' }] }), { headers: { 'content-type': 'application/json' } });
    };
    const result = await listModels({ baseURL: 'http://localhost:11434/v1', via: 'proxy', pageOrigin: 'http://127.0.0.1:3000', fetch: fakeFetch as typeof fetch });
    expect(result).toEqual({ ok: true, models: ['m'] });
    expect(seen[0]).toEqual({ url: 'http://127.0.0.1:3000/api/model-proxy/openai-compatible/models', headers: { accept: 'application/json', 'x-proxy-base-url': 'http://localhost:11434/v1' } });
  });
});
