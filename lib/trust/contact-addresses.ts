// Every address a playground would contact when it runs: its models (the main one and each team member's), the hosts
// its tools may fetch, its MCP servers, and the WebContainer service with the packages it would install. A playground from outside is
// reviewed against this list before anything is contacted.
import { BRAVE_SEARCH_ORIGIN } from '../builtins/web-search';
import { keyOriginOf, originOf } from '../models/key-origin';
import { isProviderModel, PRESETS, PROVIDERS } from '../models/presets';
import type { ModelSettings, Playground } from '../playground/schema';

export type AddressKind = 'model' | 'tool-host' | 'mcp' | 'webcontainer' | 'package';

export interface ContactAddress {
  /** What acceptance is recorded by: `model:<origin>`, `host:<pattern>`, `mcp:<origin>`, `webcontainer`, `package:<spec>`. */
  id: string;
  kind: AddressKind;
  /** As shown to the person: an origin, a host pattern, a package. */
  address: string;
  /** Who would contact it: "the main model", "team member 'librarian'", "the tools' fetch" … */
  who: string[];
}

const BRAVE_SEARCH_HOST = new URL(BRAVE_SEARCH_ORIGIN).host;

export const WEBCONTAINER_ADDRESS_ID = 'webcontainer';

export function modelAddressId(origin: string): string {
  return `model:${origin}`;
}

export function hostAddressId(host: string): string {
  return `host:${host.toLowerCase()}`;
}

/** An MCP server's address is accepted by its origin, the same origin its token is bound to. */
export function mcpAddressId(origin: string): string {
  return `mcp:${origin}`;
}

export function packageAddressId(spec: string): string {
  return `package:${spec}`;
}

/** The address a model's calls go to, or undefined for models that need no network (replay, manual). */
export function modelContact(model: ModelSettings, who: string): Omit<ContactAddress, 'who'> & { who: string } | undefined {
  if (!isProviderModel(model)) return undefined;
  const origin = keyOriginOf(model);
  if (!origin) return undefined;
  const server = model.provider === 'openai-compatible' ? `${PROVIDERS[model.provider].label}, ${PRESETS[model.preset].label} preset` : PROVIDERS[model.provider].label;
  const route = model.via === 'proxy' ? ', through this app’s server' : '';
  return { id: modelAddressId(origin), kind: 'model', address: origin, who: `${who} (${server}${route})` };
}

export function contactAddresses(doc: Playground): ContactAddress[] {
  const found = new Map<string, ContactAddress>();
  const add = (entry: Omit<ContactAddress, 'who'> & { who: string }) => {
    const seen = found.get(entry.id);
    if (seen) {
      if (!seen.who.includes(entry.who)) seen.who.push(entry.who);
    } else found.set(entry.id, { ...entry, who: [entry.who] });
  };
  const main = modelContact(doc.model, 'the main model');
  if (main) add(main);
  for (const member of doc.agent.managedAgents) {
    const contact = member.model && modelContact(member.model, `team member ‘${member.name}’`);
    if (contact) add(contact);
  }
  if (doc.sandbox.network.enabled) {
    for (const host of doc.sandbox.network.allowedHosts) add({ id: hostAddressId(host), kind: 'tool-host', address: host, who: 'the tools’ fetch' });
  }
  if (doc.builtinTools?.includes('web_search')) {
    add({ id: hostAddressId(BRAVE_SEARCH_HOST), kind: 'tool-host', address: BRAVE_SEARCH_HOST, who: 'the built-in web_search (with your key)' });
  }
  for (const server of doc.mcpServers) {
    const origin = originOf(server.url);
    if (origin) add({ id: mcpAddressId(origin), kind: 'mcp', address: server.url, who: `MCP server ‘${server.name}’` });
  }
  if (doc.sandbox.kind === 'webcontainer') {
    add({ id: WEBCONTAINER_ADDRESS_ID, kind: 'webcontainer', address: 'StackBlitz’s WebContainer service', who: 'the WebContainer sandbox' });
    for (const spec of doc.sandbox.packages) add({ id: packageAddressId(spec), kind: 'package', address: `npm package ${spec}`, who: 'installed from the npm registry in the WebContainer' });
  }
  return [...found.values()];
}
