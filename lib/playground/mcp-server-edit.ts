// Edits to a playground's MCP servers, checked against the document's schema before they are made: a refused edit
// names the field and the rule, and the document is left as it was.
import type { z } from 'zod';
import { mcpServerSchema, playgroundSchema, type McpServerSettings, type Playground } from './schema';

export type McpServerInput = z.input<typeof mcpServerSchema>;

export interface McpServerProblem {
  /** The server's field the problem is about (`name`, `url`, `tools` …), or `server` for the whole. */
  field: string;
  message: string;
}

export type McpServerEdit = { ok: true; doc: Playground } | { ok: false; problems: McpServerProblem[] };

/** The document with server `index` replaced by `server` (index = the count of servers: added at the end), or why not. */
export function checkMcpServerEdit(doc: Playground, index: number, server: McpServerInput): McpServerEdit {
  const parsed = mcpServerSchema.safeParse(server);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'server'), message: i.message })) };
  const servers = [...doc.mcpServers];
  servers.splice(index, index < servers.length ? 1 : 0, parsed.data);
  return checkMcpServers(doc, servers);
}

/** The document with `servers` as its MCP servers, or the document-wide rules they break (a duplicate name, too many). */
export function checkMcpServers(doc: Playground, servers: McpServerSettings[]): McpServerEdit {
  const next: Playground = { ...doc, mcpServers: servers };
  const parsed = playgroundSchema.safeParse(next);
  const problems = parsed.success
    ? []
    : parsed.error.issues.filter((i) => i.path[0] === 'mcpServers').map((i) => ({ field: String(i.path[2] ?? 'server'), message: i.message }));
  return problems.length ? { ok: false, problems } : { ok: true, doc: next };
}

/**
 * The allow-list after ticking or unticking `tool` among the tools the server `offered`: absent when every offered
 * tool is allowed (so tools the server adds later are allowed too), otherwise the allowed names in the server's order.
 */
export function toggleAllowedTool(server: Pick<McpServerSettings, 'tools'>, offered: readonly string[], tool: string, allowed: boolean): string[] | undefined {
  const current = new Set(server.tools ?? offered);
  if (allowed) current.add(tool);
  else current.delete(tool);
  if (offered.every((name) => current.has(name))) return undefined;
  // Names the allow-list held that the server no longer offers are kept: the server may be down for a moment.
  const kept = (server.tools ?? []).filter((name) => !offered.includes(name) && current.has(name));
  return [...offered.filter((name) => current.has(name)), ...kept];
}
