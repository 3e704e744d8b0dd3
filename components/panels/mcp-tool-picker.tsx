'use client';
// The tools an MCP server offers, each with a checkbox: all ticked, the document has no allow-list (tools the server
// adds later come too); unticking one writes the allow-list.
import type { McpToolInfo } from '@/lib/mcp/types';
import { toggleAllowedTool } from '@/lib/playground/mcp-server-edit';
import type { McpServerSettings } from '@/lib/playground/schema';
import { mcpParameters } from './mcp-parameters';
import { ParametersTable } from './parameters-table';

export function McpToolPicker({ server, tools, offered, onAllow }: { server: McpServerSettings; tools: McpToolInfo[]; offered: string[]; onAllow: (tools: string[] | undefined) => void }) {
  if (tools.length === 0) return <p className="muted text-sm">The server offers no tools.</p>;
  const allowed = (tool: McpToolInfo) => !server.tools || server.tools.includes(tool.mcpName);
  return (
    <ul className="space-y-2" aria-label={`Tools of ${server.name}`}>
      {tools.map((tool) => (
          <li key={tool.mcpName} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800" data-testid="mcp-tool">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={allowed(tool)} onChange={(e) => onAllow(toggleAllowedTool(server, offered, tool.mcpName, e.target.checked))} />
              <code className="font-mono text-xs font-semibold">{tool.name}</code>
              {tool.name !== tool.mcpName && <span className="muted text-xs">(the server calls it {tool.mcpName})</span>}
            </label>
            {tool.description && <p className="mt-1 whitespace-pre-wrap">{tool.description}</p>}
            <ParametersTable toolName={tool.name} params={mcpParameters(tool.inputSchema)} />
          </li>
      ))}
    </ul>
  );
}
