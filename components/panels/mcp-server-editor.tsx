'use client';
// One MCP server in Settings: where it is, whether it is connected (or why not), its tools to allow, its token, Remove.
import { useState } from 'react';
import { originOf } from '@/lib/models/key-origin';
import type { McpServerSettings } from '@/lib/playground/schema';
import { mcpServerAllowed, serverKey, useMcpStore, type McpStatus } from '@/lib/store/mcp-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useAddressAllowed } from '@/lib/store/trust-store';
import { mcpAddressId } from '@/lib/trust/contact-addresses';
import { firstProblem } from './member-problem';
import { McpTokenField } from './mcp-token-field';
import { RouteOptions, TransportOptions, type McpRoute, type McpTransport } from './mcp-route-options';
import { McpToolPicker } from './mcp-tool-picker';

/** The status line: Connected · N tools, the reason it is not, or Not connected. */
export function statusText(status: McpStatus | undefined, allowList?: string[]): string {
  if (!status) return 'Not connected';
  if (status.state === 'connecting') return 'Connecting…';
  if (status.state === 'error') return status.message;
  const n = status.listing.offered.length;
  const allowed = allowList ? ` (${status.listing.tools.filter((t) => allowList.includes(t.mcpName)).length} allowed)` : '';
  return `Connected · ${n} ${n === 1 ? 'tool' : 'tools'}${allowed}`;
}

export function McpServerEditor({ server, index }: { server: McpServerSettings; index: number }) {
  const origin = originOf(server.url) ?? '';
  const status = useMcpStore((s) => s.statuses[serverKey(server)]);
  const allowed = useAddressAllowed(origin ? mcpAddressId(origin) : undefined);
  const { updateMcpServer, removeMcpServer } = usePlaygroundStore.getState();
  const [error, setError] = useState<string>();
  const listing = status?.listing?.ok ? status.listing : undefined;
  const update = (patch: Partial<McpServerSettings>) => {
    const result = updateMcpServer(index, patch);
    setError(result.ok ? undefined : firstProblem(result.problems));
  };
  const onAllow = (tools: string[] | undefined) => update({ tools });
  const tone = status?.state === 'error' ? 'text-red-800 dark:text-red-300' : status?.state === 'ok' ? 'text-green-800 dark:text-green-300' : 'muted';
  return (
    <fieldset className="card space-y-3 p-3" aria-label={`MCP server ${server.name}`} data-testid="mcp-server">
      <legend className="px-1 text-sm font-semibold">
        <span className="font-mono">{server.name}</span>
      </legend>
      <p className="font-mono text-sm break-all">{server.url}</p>
      {/* Another transport or route is another connection: it is listed afresh (once the playground may contact it). */}
      <div className="flex flex-wrap gap-2">
        <select aria-label="Transport" className="field w-auto text-sm" value={server.transport} onChange={(e) => update({ transport: e.target.value as McpTransport })}>
          <TransportOptions />
        </select>
        <select aria-label="Route" className="field w-auto max-w-full min-w-0 text-sm" value={server.via} onChange={(e) => update({ via: e.target.value as McpRoute })}>
          <RouteOptions />
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <p role="status" data-testid="mcp-status" className={`min-w-0 flex-1 text-sm ${tone}`}>
          {allowed ? statusText(status, server.tools) : 'Not connected: this playground came from outside; accept its review (Trust and enable) to connect.'}
        </p>
        <button
          type="button"
          className="btn"
          disabled={!allowed || status?.state === 'connecting'}
          onClick={() => {
            if (mcpServerAllowed(server)) void useMcpStore.getState().refresh(server);
          }}
        >
          Connect
        </button>
      </div>
      {listing && <McpToolPicker server={server} tools={listing.tools} offered={listing.offered} onAllow={onAllow} />}
      {error && (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      {origin && <McpTokenField origin={origin} />}
      <button type="button" className="btn-danger" onClick={() => removeMcpServer(index)}>
        Remove
      </button>
    </fieldset>
  );
}
