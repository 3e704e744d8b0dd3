// An MCP tool's parameters as a table: name (? when optional), type, description.
import type { McpToolInfo } from '@/lib/mcp/types';
import { mcpParameters } from './mcp-parameters';

export function McpParametersTable({ tool }: { tool: Pick<McpToolInfo, 'name' | 'inputSchema'> }) {
  const params = mcpParameters(tool.inputSchema);
  if (params.length === 0) return null;
  return (
    <table className="mt-1 w-full text-left text-xs">
      <caption className="sr-only">Parameters of {tool.name}</caption>
      <thead>
        <tr className="muted">
          <th scope="col" className="pr-2 font-medium">Parameter</th>
          <th scope="col" className="pr-2 font-medium">Type</th>
          <th scope="col" className="font-medium">Description</th>
        </tr>
      </thead>
      <tbody>
        {params.map((p) => (
          <tr key={p.name} className="align-top">
            <td className="pr-2 font-mono whitespace-nowrap">
              {p.name}
              {p.optional ? '?' : ''}
            </td>
            <td className="pr-2 font-mono break-words">{p.typeText}</td>
            <td>{p.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
