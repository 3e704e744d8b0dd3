// web_search against a loopback fake of the Brave Search API: the key goes in its header, results come back as a list,
// and without a key or a reachable server the tool says so instead of failing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRAVE_SEARCH_ORIGIN, webSearch } from './web-search';

let server: Server;
let endpoint: string;
const requests: { url: string; token?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const token = req.headers['x-subscription-token'];
    requests.push({ url: req.url ?? '', ...(typeof token === 'string' ? { token } : {}) });
    res.setHeader('content-type', 'application/json');
    if (token !== 'brave-key') {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: 'bad token' }));
      return;
    }
    res.end(
      JSON.stringify({
        web: {
          results: [
            { title: 'Cats', url: 'https://cats.example/', description: 'All about <strong>cats</strong>.' },
            { title: 'More cats', url: 'https://more.example/cats', description: 'Even more.' },
          ],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/res/v1/web/search`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const signal = new AbortController().signal;

describe('web_search', () => {
  it('sends the key in X-Subscription-Token and returns the results as a Markdown list', async () => {
    const text = await webSearch('cute cats', { keys: { [BRAVE_SEARCH_ORIGIN]: 'brave-key' }, endpoint, signal });
    expect(text).toBe('1. [Cats](https://cats.example/)\n   All about cats.\n2. [More cats](https://more.example/cats)\n   Even more.');
    expect(requests.at(-1)).toEqual({ url: '/res/v1/web/search?q=cute+cats&count=5', token: 'brave-key' });
  });

  it('without a key says how to give one, and contacts nobody', async () => {
    const before = requests.length;
    const text = await webSearch('cats', { keys: { 'https://api.openai.com': 'sk-other' }, endpoint, signal });
    expect(text).toMatch(/^web_search is not available: no Brave Search API key was given\. The person can enter one in the Tools tab/);
    expect(requests.length).toBe(before);
  });

  it('says the key was refused, without repeating it', async () => {
    const text = await webSearch('cats', { keys: { [BRAVE_SEARCH_ORIGIN]: 'wrong-key' }, endpoint, signal });
    expect(text).toBe('web_search is not available: Brave Search refused the API key (401): check the key in Tools → Built-in tools → web_search.');
    expect(requests.at(-1)?.token).toBe('wrong-key');
  });

  it('offline, says the search API could not be reached', async () => {
    const text = await webSearch('cats', { keys: { [BRAVE_SEARCH_ORIGIN]: 'brave-key' }, endpoint: 'http://127.0.0.1:1/res/v1/web/search', signal });
    expect(text).toMatch(/^web_search is not available: Brave Search could not be reached \(.+\); are you offline\?/);
    expect(text).not.toContain('brave-key');
  });
});
