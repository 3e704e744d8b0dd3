// visit_webpage: fetches a page through the playground's network rules and returns it as Markdown, cut at 10,000 characters.
import { createDocument } from '@mixmark-io/domino';
import TurndownService from 'turndown';
import { policyFetch } from '../sandbox/quickjs/network-policy';
import type { NetworkPolicy } from '../sandbox/types';
import { truncateWithNote } from './truncate';
import { catalogEntry } from './catalog';
import type { BuiltinTool } from './types';

export const MAX_PAGE_CHARS = 10_000;


/** Fetches `url` under `network` and returns it as (truncated) Markdown; throws with a clear message otherwise. */
export async function visitWebpage(url: string, network: NetworkPolicy | undefined, signal: AbortSignal): Promise<string> {
  if (!network) {
    throw new Error('visit_webpage: network access is off for this playground; allow the page\'s host in Settings → Sandbox → network');
  }
  const response = await policyFetch(network, { url, method: 'GET', headers: { accept: 'text/html, text/plain, application/json;q=0.9, */*;q=0.5' } }, signal).catch(
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`visit_webpage: ${message.replace(/^fetch: /, '')}`);
    },
  );
  if (response.status < 200 || response.status > 299) throw new Error(`visit_webpage: ${url} answered ${response.status} ${response.statusText}`.trim());
  const type = response.headers['content-type'] ?? '';
  const looksHtml = /html|xml/i.test(type) || (!type && /^\s*</.test(response.body));
  const text = looksHtml ? htmlToMarkdown(response.body) : response.body;
  return truncateWithNote(text, MAX_PAGE_CHARS);
}

export function htmlToMarkdown(html: string): string {
  // domino parses the page in any JavaScript realm (the runner is a worker: no DOMParser there).
  const doc = createDocument(html);
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  service.remove(['script', 'style', 'noscript', 'iframe', 'template']);
  const title = doc.title.trim();
  const body = service.turndown(doc.body ?? doc.documentElement).trim();
  return title && !body.startsWith(`# ${title}`) ? `# ${title}\n\n${body}` : body;
}

export const visitWebpageTool: BuiltinTool = {
  name: 'visit_webpage',
  ...catalogEntry('visit_webpage'),
  run: (args, ctx) => visitWebpage(String(args.url), ctx.network, ctx.signal),
};
