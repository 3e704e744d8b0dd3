// TEMP placeholder (lead) until mcp-core merges
import type { McpToolInfo } from './types';
import type { ToolSchema } from '../tools/render-schema';
export function mcpToolDeclaration(tool: McpToolInfo): string {
  return `/** ${tool.description} */\nasync function ${tool.name}(args: ${JSON.stringify(tool.inputSchema)}): Promise<string>`;
}
export function mcpServerHeading(server: string, url: string): string {
  return `// Tools of the MCP server '${server}' (${url}): call each with one object and await it.`;
}
export function mcpToolListItem(tool: McpToolInfo): string {
  return `- ${tool.name} (MCP server '${tool.server}'): ${tool.description}`;
}
export function mcpToolSchema(tool: McpToolInfo): ToolSchema {
  return { name: tool.name, description: `${tool.description} (MCP server '${tool.server}')`, parameters: tool.inputSchema };
}
