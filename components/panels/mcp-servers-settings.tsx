'use client';
// Settings → MCP servers: the servers whose tools the agent may call, each with its status, tools, token and Remove
// (with Undo), and a form to add one.
import { useState } from 'react';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { Notice } from '../ui/notice';
import { McpAddServerForm } from './mcp-add-server-form';
import { McpServerEditor } from './mcp-server-editor';
import { firstProblem } from './member-problem';

export function McpServersSettings() {
  const servers = usePlaygroundStore((s) => s.doc.mcpServers);
  return (
    <section className="space-y-3" aria-labelledby="mcp-servers-heading" data-testid="mcp-settings">
      <h2 id="mcp-servers-heading" className="text-sm font-semibold">
        MCP servers
      </h2>
      <p className="muted text-sm">
        Tools from Model Context Protocol servers: each becomes a tool the agent can call, <code>await get_forecast({'{ city: "Paris" }'})</code>. The server must
        allow this page’s origin (CORS).
      </p>
      <RemovedNotice />
      {servers.length === 0 && <p className="muted text-sm">No MCP servers yet.</p>}
      {servers.map((server, index) => (
        <McpServerEditor key={server.name} server={server} index={index} />
      ))}
      <McpAddServerForm />
    </section>
  );
}

function RemovedNotice() {
  const removed = usePlaygroundStore((s) => s.removedMcpServer);
  const { undoRemoveMcpServer, dismissRemovedMcpServer } = usePlaygroundStore.getState();
  const [error, setError] = useState<{ for: unknown; message: string }>();
  if (!removed) return null;
  const undo = () => {
    const result = undoRemoveMcpServer();
    if (!result.ok) setError({ for: removed, message: firstProblem(result.problems) });
  };
  return (
    <Notice
      tone="info"
      testId="mcp-server-removed"
      actions={
        <>
          <button type="button" className="btn text-xs" onClick={undo}>
            Undo
          </button>
          <button type="button" className="btn text-xs" onClick={dismissRemovedMcpServer}>
            Dismiss
          </button>
        </>
      }
    >
      Removed the MCP server <span className="font-mono">{removed.server.name}</span>.
      {error?.for === removed && ` It can’t be put back as it was: ${error.message}`}
    </Notice>
  );
}
