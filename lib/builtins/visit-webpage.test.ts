// visit_webpage against a real page server on loopback: Markdown out, disallowed hosts refused, long pages cut with a note.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_CHARS, visitWebpage } from './visit-webpage';

let server: Server;
let host: string;
const hits: string[] = [];
const LONG = 'x'.repeat(25_000);

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/page') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<html><head><title>Cats</title><style>p{color:red}</style></head><body><h2>About cats</h2><p>Cats are <strong>great</strong>. See <a href="https://example.com/more">more</a>.</p><script>alert(1)</script><ul><li>one</li><li>two</li></ul></body></html>');
    } else if (req.url === '/long') {
      res.setHeader('content-type', 'text/plain');
      res.end(LONG);
    } else {
      res.statusCode = 404;
      res.end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const signal = new AbortController().signal;

describe('visit_webpage', () => {
  it('returns an allowed page as Markdown, without its scripts and styles', async () => {
    const md = await visitWebpage(`http://${host}/page`, { allowedHosts: [host] }, signal);
    expect(md).toBe('# Cats\n\n## About cats\n\nCats are **great**. See [more](https://example.com/more).\n\n-   one\n-   two');
  });

  it('refuses a host the playground does not allow, and never contacts it', async () => {
    const before = hits.length;
    await expect(visitWebpage(`http://${host}/page`, { allowedHosts: ['example.com'] }, signal)).rejects.toThrow(
      `visit_webpage: ${host} is not an allowed host (allowed: example.com)`,
    );
    await expect(visitWebpage(`http://${host}/page`, undefined, signal)).rejects.toThrow(/network access is off for this playground/);
    expect(hits.length).toBe(before);
  });

  it('cuts a long page at 10,000 characters and says how much was cut', async () => {
    const text = await visitWebpage(`http://${host}/long`, { allowedHosts: [host] }, signal);
    expect(text.startsWith('x'.repeat(MAX_PAGE_CHARS) + '\n\n[')).toBe(true);
    expect(text).toMatch(/15,000 more characters cut: the page has 25,000 characters and only the first 10,000 are shown/);
  });

  it('says when the page answers with an error status', async () => {
    await expect(visitWebpage(`http://${host}/missing`, { allowedHosts: [host] }, signal)).rejects.toThrow(`visit_webpage: http://${host}/missing answered 404 Not Found`);
  });
});

describe('HTML to Markdown in the runner worker', () => {
  it("works with turndown's browser build where there is no window, document or DOMParser (a worker)", async () => {
    // @ts-expect-error: the browser build has no types of its own; it is the file a browser bundle gets.
    const { default: BrowserTurndown } = (await import('turndown/lib/turndown.browser.es.js')) as { default: typeof import('turndown') };
    const { createDocument } = await import('@mixmark-io/domino');
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const service = new BrowserTurndown({ headingStyle: 'atx' });
    expect(service.turndown(createDocument('<h1>Hi</h1><p>a <em>b</em></p>').body)).toBe('# Hi\n\na _b_');
  });
});
