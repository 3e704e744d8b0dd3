// web_search: a search provider behind one interface; the Brave Search API is the one implementation.
import { redactSecrets } from '../models/redact-secrets';
import { catalogEntry } from './catalog';
import type { BuiltinTool } from './types';

export interface SearchResult {
  title: string;
  url: string;
  description: string;
}

/** A web search API that takes a key the person supplies. */
export interface SearchProvider {
  /** Shown in messages, e.g. `Brave Search`. */
  name: string;
  /** The origin its key belongs to (the key store holds keys by origin); the key is sent nowhere else. */
  origin: string;
  search(query: string, options: { key: string; signal: AbortSignal; endpoint?: string; fetch?: typeof fetch }): Promise<SearchResult[]>;
}

export const BRAVE_SEARCH_ORIGIN = 'https://api.search.brave.com';
const BRAVE_ENDPOINT = `${BRAVE_SEARCH_ORIGIN}/res/v1/web/search`;
const RESULTS = 5;

export const braveSearch: SearchProvider = {
  name: 'Brave Search',
  origin: BRAVE_SEARCH_ORIGIN,
  async search(query, { key, signal, endpoint = BRAVE_ENDPOINT, fetch: doFetch = globalThis.fetch }) {
    const url = new URL(endpoint);
    url.searchParams.set('q', query);
    url.searchParams.set('count', String(RESULTS));
    const response = await doFetch(url.href, { headers: { Accept: 'application/json', 'X-Subscription-Token': key }, signal });
    if (response.status === 401 || response.status === 403) {
      throw new SearchUnavailable(`Brave Search refused the API key (${response.status}): check the key in Tools → Built-in tools → web_search`);
    }
    if (response.status === 429) throw new SearchUnavailable('Brave Search says too many requests (429): wait a little, or check your plan');
    if (!response.ok) throw new SearchUnavailable(`Brave Search answered ${response.status} ${response.statusText}`.trim());
    const data = (await response.json().catch(() => ({}))) as { web?: { results?: unknown[] } };
    return (data.web?.results ?? []).flatMap((r) => {
      if (typeof r !== 'object' || r === null) return [];
      const { title, url: link, description } = r as Record<string, unknown>;
      if (typeof link !== 'string') return [];
      return [{ title: typeof title === 'string' ? title : link, url: link, description: typeof description === 'string' ? stripTags(description) : '' }];
    });
  },
};

/** The search could not be done (no key, offline, refused): the tool says so in its result instead of failing the step. */
class SearchUnavailable extends Error {}


export interface WebSearchOptions {
  provider?: SearchProvider;
  keys?: Readonly<Record<string, string>>;
  endpoint?: string;
  fetch?: typeof fetch;
  signal: AbortSignal;
}

/** The results as a Markdown list, or a clear sentence saying why there are none. Never throws but for Stop. */
export async function webSearch(query: string, options: WebSearchOptions): Promise<string> {
  const provider = options.provider ?? braveSearch;
  const key = options.keys?.[provider.origin];
  if (!key) {
    return `web_search is not available: no ${provider.name} API key was given. The person can enter one in the Tools tab (Built-in tools → web_search), or set BRAVE_SEARCH_API_KEY for the CLI. Go on without searching.`;
  }
  try {
    const results = await provider.search(query, {
      key,
      signal: options.signal,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (results.length === 0) return `No results for ${JSON.stringify(query)}.`;
    return results.map((r, i) => `${i + 1}. [${r.title}](${r.url})${r.description ? `\n   ${r.description}` : ''}`).join('\n');
  } catch (error) {
    if (options.signal.aborted) throw error;
    const message = redactSecrets(error instanceof Error ? error.message : String(error), [key]);
    if (error instanceof SearchUnavailable) return `web_search is not available: ${message}.`;
    return `web_search is not available: ${provider.name} could not be reached (${message}); are you offline? Go on without searching.`;
  }
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

export const webSearchTool: BuiltinTool = {
  name: 'web_search',
  ...catalogEntry('web_search'),
  run: (args, ctx) =>
    webSearch(String(args.query), {
      signal: ctx.signal,
      ...(ctx.keys ? { keys: ctx.keys } : {}),
      ...(ctx.search?.endpoint ? { endpoint: ctx.search.endpoint } : {}),
      ...(ctx.search?.fetch ? { fetch: ctx.search.fetch } : {}),
    }),
};
