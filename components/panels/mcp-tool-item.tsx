'use client';
// One MCP tool in "Tools as the model sees them": its call, marked with the server it comes from, its parameters and
// how it reads in the prompt.
import type { McpToolInfo } from '@/lib/mcp/types';
import { Disclosure } from '../ui/disclosure';
import { mcpParameters, schemaTypeText } from './mcp-parameters';
import { ParametersTable } from './parameters-table';

/** `async get_forecast(args: { city: string; days?: number }): Promise<string>` */
export function mcpSignatureOf(tool: McpToolInfo): string {
  const hasParams = Object.keys(tool.inputSchema.properties ?? {}).length > 0;
  const returns = tool.outputSchema !== undefined ? schemaTypeText(tool.outputSchema) : 'string';
  return `async ${tool.name}(${hasParams ? `args: ${schemaTypeText(tool.inputSchema)}` : ''}): Promise<${returns}>`;
}

export function McpToolItem({ tool, rendered }: { tool: McpToolInfo; rendered?: string }) {
  return (
    <li data-testid="tool-item" className="card p-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="tool-signature" className="block min-w-0 flex-1 font-mono text-xs font-semibold break-all">
          {mcpSignatureOf(tool)}
        </code>
        <span data-testid="mcp-badge" className="rounded-sm bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-200">
          MCP · {tool.server}
        </span>
      </div>
      {tool.description && <p className="mt-1 whitespace-pre-wrap">{tool.description}</p>}
      <ParametersTable toolName={tool.name} params={mcpParameters(tool.inputSchema)} />
      {rendered !== undefined && (
        <Disclosure title="As written in the prompt" className="mt-1">
          <pre tabIndex={0} className="mono-block">{rendered}</pre>
        </Disclosure>
      )}
    </li>
  );
}
