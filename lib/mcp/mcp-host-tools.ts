// MCP tools as host tools: awaited from the sandbox (CodeAgent) or called for a tool call (ToolCallingAgent), each call
// checked against the tool's inputSchema first, bounded by the step's time limit, cancelled by Stop.
import type { HostTool } from '../sandbox/types';
import { validateMcpArguments } from './call-result';
import type { McpConnection } from './types';

export function mcpHostTools(connection: McpConnection, options: { timeoutMs?: number } = {}): HostTool[] {
  return connection.tools.map((tool) => ({
    name: tool.name,
    server: tool.server,
    call: async (args, ctx) => {
      // Called with one object; a tool without required arguments may be called with none.
      const input = args.length === 0 ? {} : args.length === 1 ? args[0] : args;
      const problem = validateMcpArguments(tool, input);
      if (problem) throw new TypeError(problem);
      return connection.call(tool, input as Record<string, unknown>, {
        signal: ctx.signal,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
    },
  }));
}
