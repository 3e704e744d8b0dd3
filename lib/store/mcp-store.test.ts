import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { McpServerListing, McpToolInfo } from '../mcp/types';
import type { McpServerSettings } from '../playground/schema';
import type { RunSecrets } from '../runner/runner-protocol';

// A fake runner client: records what it was asked to list and answers with what the test gives it.
const runner = vi.hoisted(() => ({
  asked: [] as { server: McpServerSettings; secrets?: RunSecrets }[],
  answer: (() => Promise.reject(new Error('no answer set'))) as (server: McpServerSettings) => Promise<McpServerListing>,
}));
vi.mock('./runner-connection', () => ({
  getRunner: () => ({
    listMcpTools(server: McpServerSettings, secrets?: RunSecrets) {
      runner.asked.push({ server, secrets });
      return runner.answer(server);
    },
  }),
}));

import { useKeyStore } from './key-store';
import { useLibraryStore } from './library-store';
import { listingsFor, listNewServers, serverKey, useMcpStore } from './mcp-store';
import { useTrustStore } from './trust-store';

const weather: McpServerSettings = { name: 'weather', url: 'http://127.0.0.1:3921/mcp', transport: 'streamable-http', via: 'browser' };
const tool = (name: string): McpToolInfo => ({ server: 'weather', name, mcpName: name, description: `${name} tool`, inputSchema: { type: 'object', properties: {} } });
const listed = (names: string[]): McpServerListing => ({ server: 'weather', url: weather.url, ok: true, tools: names.map(tool), offered: names });

beforeEach(() => {
  runner.asked.length = 0;
  useMcpStore.setState({ statuses: {} });
  useKeyStore.setState({ keys: {}, remembered: {} });
  useTrustStore.setState({ untrusted: {} });
});

describe('listing an MCP server’s tools', () => {
  it('goes connecting, then connected with the tools', async () => {
    let resolve!: (l: McpServerListing) => void;
    runner.answer = () => new Promise((r) => (resolve = r));
    const done = useMcpStore.getState().refresh(weather);
    expect(useMcpStore.getState().statuses[serverKey(weather)]?.state).toBe('connecting');
    resolve(listed(['get_forecast', 'sum_numbers']));
    expect(await done).toBe(true);
    const status = useMcpStore.getState().statuses[serverKey(weather)];
    expect(status?.state === 'ok' && status.listing.tools.map((t) => t.name)).toEqual(['get_forecast', 'sum_numbers']);
  });

  it('says why it failed, with the listing’s message, and when the runner itself fails', async () => {
    runner.answer = async () => ({ server: 'weather', url: weather.url, ok: false, kind: 'unauthorized', error: 'the server refused the token (401)' });
    await useMcpStore.getState().refresh(weather);
    expect(useMcpStore.getState().statuses[serverKey(weather)]).toMatchObject({ state: 'error', message: 'the server refused the token (401)' });
    runner.answer = () => Promise.reject(new Error('the runner stopped'));
    await useMcpStore.getState().refresh(weather);
    expect(useMcpStore.getState().statuses[serverKey(weather)]).toMatchObject({ state: 'error', message: 'the runner stopped' });
  });

  it('sends only the token kept for the server’s origin, and asks for every tool whatever the allow-list', async () => {
    runner.answer = async () => listed(['get_forecast']);
    useKeyStore.getState().setKey('http://127.0.0.1:3921', 'mcp-secret-token');
    useKeyStore.getState().setKey('https://api.openai.com', 'sk-not-for-mcp');
    await useMcpStore.getState().refresh({ ...weather, tools: ['get_forecast'] });
    expect(runner.asked[0]!.secrets?.keys).toEqual({ 'http://127.0.0.1:3921': 'mcp-secret-token' });
    expect(runner.asked[0]!.server).toEqual(weather);
  });

  it('keeps a later answer when an earlier one arrives after it', async () => {
    const pending: ((l: McpServerListing) => void)[] = [];
    runner.answer = () => new Promise((r) => pending.push(r));
    const first = useMcpStore.getState().refresh(weather);
    const second = useMcpStore.getState().refresh(weather);
    pending[1]!(listed(['new_tool']));
    await second;
    pending[0]!(listed(['old_tool']));
    await first;
    const status = useMcpStore.getState().statuses[serverKey(weather)];
    expect(status?.state === 'ok' && status.listing.offered).toEqual(['new_tool']);
  });

  it('connects to nothing while the open playground awaits review, and lists new servers once it may', async () => {
    runner.answer = async () => listed(['get_forecast']);
    useLibraryStore.setState({ currentId: 'shared' });
    useTrustStore.setState({ untrusted: { shared: { source: 'link', accepted: [] } } });
    expect(await useMcpStore.getState().refresh(weather)).toBe(false);
    listNewServers({ mcpServers: [weather] });
    expect(runner.asked).toEqual([]);
    expect(useMcpStore.getState().statuses).toEqual({});
    useTrustStore.getState().trust('shared');
    listNewServers({ mcpServers: [weather] });
    expect(runner.asked).toHaveLength(1);
  });
});

describe('the listings the analysis gets', () => {
  it('are the document’s servers in order, allow-list applied; a server never listed has none', async () => {
    runner.answer = async () => listed(['get_forecast', 'sum_numbers']);
    await useMcpStore.getState().refresh(weather);
    const other: McpServerSettings = { name: 'other', url: 'https://example.com/mcp', transport: 'sse', via: 'browser' };
    const listings = listingsFor({ mcpServers: [other, { ...weather, tools: ['sum_numbers'] }] }, useMcpStore.getState().statuses);
    expect(listings).toHaveLength(1);
    expect(listings[0]!.ok && listings[0]!.tools.map((t) => t.name)).toEqual(['sum_numbers']);
    expect(listings[0]!.ok && listings[0]!.offered).toEqual(['get_forecast', 'sum_numbers']);
  });
});
