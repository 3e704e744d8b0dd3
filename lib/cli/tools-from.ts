// `--tools-from <link>`: adds every tool of a shared playground (published id, /p/ address or share link) to the one
// being run, each under a comment naming where it came from; says so on stderr. Only the tools: its model, servers and
// settings are ignored.
import type { Playground } from '../playground/schema';
import { importChosenTools, offerSharedTools } from '../runner/offer-shared-tools';
import { loadShared } from '../share/load-shared';
import { appendCode } from '../tools/extract-tools';
import { BadInput } from './bad-input';
import type { CliIO } from './cli-io';

export interface ToolsFromOptions {
  /** `--publish-url`: where bare published ids are looked up. */
  publishUrl?: string;
  fetch?: typeof fetch;
}

export async function addToolsFromLinks(playground: Playground, links: readonly string[], io: CliIO, options: ToolsFromOptions = {}): Promise<Playground> {
  const { publishUrl } = options;
  if (publishUrl !== undefined && !/^https?:\/\/[^/]/.test(publishUrl)) throw new BadInput(`--publish-url ${publishUrl}: expected an http:// or https:// address (the app that published the playgrounds)`);
  let result = playground;
  for (const link of links) {
    const shown = link.length > 60 ? `${link.slice(0, 59)}…` : link;
    const loaded = await loadShared(link, {
      ...(publishUrl ? { baseUrl: publishUrl } : {}),
      noBaseMessage: `${link} is a bare published id: add --publish-url <the address of the app that published it>, e.g. --publish-url https://agent-playground.example, or give the whole …/p/${link} address`,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    if (!loaded.ok) throw new BadInput(`--tools-from ${shown}: ${loaded.message}`);
    const offer = offerSharedTools(loaded.payload.playground, result);
    if (offer.tools.length === 0) throw new BadInput(`--tools-from ${shown}: ${loaded.from} has no tools${offer.problems.length ? ` that can be read (${offer.problems[0]})` : ''}`);
    const code = importChosenTools(loaded.payload.playground, offer.tools.map((t) => t.name), result, loaded.from);
    if (!code.ok) throw new BadInput(`--tools-from ${shown}: ${code.problems.join(' ')}`);
    result = { ...result, tools: appendCode(result.tools, code.code) };
    const already = code.alreadyThere.length ? ` (${code.alreadyThere.join(', ')} already there, unchanged)` : '';
    io.stderr(`tools from ${loaded.from}: ${code.added.join(', ') || 'none new'}${already}. Written by someone else: they run when the agent calls them.\n`);
  }
  return result;
}
