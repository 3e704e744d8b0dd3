// How a run's MCP tools read to each kind of agent: declarations under a heading per server (CodeAgent), list items and
// native schemas (ToolCallingAgent); and the names they would take in the sandbox, checked against every other tool's.
import type { ModelTool } from '../models/types';
import { findNameClashes, mcpToolSource, type NamedTool } from './tool-name';
import { mcpServerHeading, mcpToolDeclaration, mcpToolListItem, mcpToolSchema } from './schema-to-typescript';
import type { McpToolInfo } from './types';

export interface McpServerRef {
  name: string;
  url: string;
}

/** Each server's heading, then its tools' declarations; '' without tools. */
export function mcpToolsForCode(tools: McpToolInfo[], servers: McpServerRef[]): string {
  return servers
    .map((server) => {
      const own = tools.filter((t) => t.server === server.name);
      return own.length ? [mcpServerHeading(server.name, server.url), ...own.map(mcpToolDeclaration)].join('\n\n') : '';
    })
    .filter(Boolean)
    .join('\n\n');
}

export function mcpToolsAsList(tools: McpToolInfo[]): string {
  return tools.map(mcpToolListItem).join('\n');
}

export function mcpModelTools(tools: McpToolInfo[]): ModelTool[] {
  return tools.map((t) => {
    const schema = mcpToolSchema(t);
    return { ...schema, parameters: schema.parameters as Record<string, unknown> };
  });
}

/** Clash messages between the MCP tools and the other tools (`others`: the tools source's and the team members'). */
export function mcpNameClashes(tools: McpToolInfo[], others: NamedTool[]): string[] {
  return findNameClashes([...others, ...tools.map((t) => ({ name: t.mcpName, source: mcpToolSource(t.server, t.mcpName) }))]);
}
