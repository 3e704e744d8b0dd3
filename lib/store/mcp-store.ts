// The MCP servers' tools as last listed, per server: connecting, connected with its tools, or why it failed. Listing goes
// through the analysis runner (the worker connects with the SDK, lists, closes), with the token kept for the server's
// origin; a playground from outside lists nothing before its review is accepted.
import { create } from 'zustand';
import type { McpServerListing } from '../mcp/types';
import { originOf } from '../models/key-origin';
import type { McpServerSettings, Playground } from '../playground/schema';
import type { RunSecrets } from '../runner/runner-protocol';
import { mcpAddressId } from '../trust/contact-addresses';
import { useKeyStore } from './key-store';
import { useLibraryStore } from './library-store';
import { getRunner } from './runner-connection';
import { addressAllowed, useTrustStore } from './trust-store';

export type McpStatus =
  | { state: 'connecting'; listing?: McpServerListing }
  | { state: 'ok'; listing: Extract<McpServerListing, { ok: true }> }
  | { state: 'error'; message: string; listing?: McpServerListing };

export interface McpStore {
  /** By serverKey; a server not listed here is idle (never connected). */
  statuses: Record<string, McpStatus>;
  /** Connects to the server, lists its tools and closes; refused (false) while the playground's review is pending. */
  refresh: (server: McpServerSettings) => Promise<boolean>;
}

/** What a listing depends on: the same server under another address or transport is another listing. */
export function serverKey(server: Pick<McpServerSettings, 'name' | 'url' | 'transport' | 'via'>): string {
  return JSON.stringify([server.name, server.url, server.transport, server.via]);
}

/** The secrets a listing or run of this server may use: its origin's token (and nothing else), and the page's origin. */
export function mcpSecrets(server: Pick<McpServerSettings, 'url'>, keys: Readonly<Record<string, string>>): RunSecrets {
  const origin = originOf(server.url);
  const token = origin ? keys[origin] : undefined;
  return { keys: origin && token ? { [origin]: token } : {}, ...(typeof location === 'undefined' ? {} : { pageOrigin: location.origin }) };
}

/** Whether the open playground may contact this server now (its own, or its review accepted). */
export function mcpServerAllowed(server: Pick<McpServerSettings, 'url'>): boolean {
  const origin = originOf(server.url);
  if (!origin) return false;
  return addressAllowed(useTrustStore.getState().untrusted, useLibraryStore.getState().currentId, mcpAddressId(origin));
}

// Only the latest request for a server may write its status: an older answer arriving late is dropped.
const latest = new Map<string, number>();
let requests = 0;

export const useMcpStore = create<McpStore>((set, get) => {
  const put = (key: string, status: McpStatus) => set({ statuses: { ...get().statuses, [key]: status } });
  return {
    statuses: {},
    async refresh(server) {
      if (!mcpServerAllowed(server)) return false;
      const key = serverKey(server);
      const request = ++requests;
      latest.set(key, request);
      put(key, { state: 'connecting', listing: get().statuses[key]?.listing });
      let status: McpStatus;
      try {
        // Every tool the server offers, so Settings can show the ones left out too; the allow-list applies in listingsFor.
        const { tools: _allowList, ...all } = server;
        void _allowList;
        const listing = await getRunner('analysis').listMcpTools(all, mcpSecrets(server, useKeyStore.getState().keys));
        status = listing.ok ? { state: 'ok', listing } : { state: 'error', message: listing.error, listing };
      } catch (error) {
        status = { state: 'error', message: error instanceof Error ? error.message : String(error) };
      }
      if (latest.get(key) === request) put(key, status);
      return true;
    },
  };
});

/**
 * The listings of the document's servers that have one (connected, or failed), in document order, each server's
 * allow-list applied: what the analysis shows.
 */
export function listingsFor(doc: Pick<Playground, 'mcpServers'>, statuses: Readonly<Record<string, McpStatus>>): McpServerListing[] {
  return doc.mcpServers.flatMap((server) => {
    const listing = statuses[serverKey(server)]?.listing;
    if (!listing) return [];
    const allowed = server.tools;
    if (!listing.ok || !allowed) return [listing];
    return [{ ...listing, tools: listing.tools.filter((tool) => allowed.includes(tool.mcpName)) }];
  });
}

/** Lists every server of the document that was never listed, when the playground may contact it. */
export function listNewServers(doc: Pick<Playground, 'mcpServers'>): void {
  const { statuses, refresh } = useMcpStore.getState();
  for (const server of doc.mcpServers) if (!statuses[serverKey(server)] && mcpServerAllowed(server)) void refresh(server);
}
