// Declarations of the MCP tools for the editor's TypeScript service: a global script, from the declarations the model
// reads (the analysis's rendered text), so the editor knows the very signatures the prompt gives.
import { mcpToolDeclaration } from '@/lib/mcp/schema-to-typescript';
import type { McpToolInfo } from '@/lib/mcp/types';

/** Where the editor registers the MCP tools' declarations. */
export const MCP_TOOLS_URI = 'file:///mcp-tools.d.ts';

const FUNCTION_LINE = /^(export\s+)?(declare\s+)?(async\s+)?function\s+/m;

/**
 * One tool's declaration: the text the CodeAgent's prompt gives it, with its function as `declare function …;`. A
 * ToolCallingAgent's prompt lists the tool instead, so its declaration is rendered the CodeAgent's way.
 */
function declarationOf(tool: McpToolInfo, rendered: string | undefined): string {
  const source = rendered && FUNCTION_LINE.test(rendered) ? rendered : mcpToolDeclaration(tool);
  const text = source.replace(FUNCTION_LINE, 'declare function ').trimEnd();
  return /[;}]$/.test(text) ? text : `${text};`;
}

/** The declarations of every MCP tool, under a heading per server; empty when there are none. */
export function mcpToolsDts(tools: readonly McpToolInfo[], rendered: Readonly<Record<string, string>>): string {
  const servers = [...new Set(tools.map((t) => t.server))];
  return servers
    .map((server) => [`// Tools of the MCP server '${server}'`, ...tools.filter((t) => t.server === server).map((t) => declarationOf(t, rendered[t.name]))].join('\n\n'))
    .join('\n\n');
}
