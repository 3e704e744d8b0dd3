// MCP tools as the rest of the app sees them: what a server offers, and a live connection to call it.
import type { JsonSchema } from '../tools/types';

/** One tool of an MCP server, as the model and the sandbox see it. */
export interface McpToolInfo {
  /** The `name` of the server in the playground (`mcpServers[i].name`). */
  server: string;
  /** The name in the sandbox and for the model: the server's name with every character that can't be in an identifier as `_`. */
  name: string;
  /** The name the server gave it (sent back in `tools/call`). */
  mcpName: string;
  description: string;
  /** The tool's `inputSchema` (an object schema). */
  inputSchema: JsonSchema;
  /** The tool's `outputSchema`, when it declares one: its result is then `structuredContent`. */
  outputSchema?: JsonSchema;
}

/** Why connecting to a server failed, so the message can say what to fix. */
export type McpFailureKind = 'unreachable' | 'cors' | 'unauthorized' | 'not-mcp' | 'protocol' | 'timeout' | 'other';

/** One server's tools after connecting and listing them, or why that failed. */
export type McpServerListing =
  | {
      server: string;
      url: string;
      ok: true;
      /** Every tool the server offers, allowed or not (Settings shows them all; the analysis applies the allow-list). */
      tools: McpToolInfo[];
      /** Their names as the server gives them. */
      offered: string[];
    }
  | { server: string; url: string; ok: false; kind: McpFailureKind; error: string };

export interface McpCallOptions {
  signal?: AbortSignal;
  /** Gives up after this long (the step's time limit). */
  timeoutMs?: number;
}

/** The playground's MCP servers, connected for one run. */
export interface McpConnection {
  /** The tools the run may use, every server's, allow-lists applied, in document order. */
  readonly tools: McpToolInfo[];
  /** Calls a tool with its arguments object; resolves with the result value (see call-result.ts), throws on isError. */
  call(tool: McpToolInfo, args: Record<string, unknown>, options?: McpCallOptions): Promise<unknown>;
  close(): Promise<void>;
}
