// MCP tool names → names a snippet can call, and the clashes that would make two tools one.

/** Words a function can't be named; a tool called `delete` becomes `delete_`. */
const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** Names the agent itself defines in the sandbox; no tool may take them. */
export const RESERVED_TOOL_NAMES: readonly string[] = ['final_answer'];

const START = /^[\p{ID_Start}$_]$/u;
const CONTINUE = /^[\p{ID_Continue}$\u200c\u200d]$/u;

/**
 * The name an MCP tool gets in the sandbox: every character that can't be in a JavaScript identifier becomes `_`,
 * a leading digit gets a `_` in front, a reserved word gets a `_` behind, and the empty name is `_`.
 */
export function toIdentifier(mcpName: string): string {
  const chars = Array.from(mcpName).map((c) => (CONTINUE.test(c) ? c : '_'));
  if (chars.length === 0) return '_';
  if (!START.test(chars[0]!)) chars.unshift('_');
  const name = chars.join('');
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

export interface NamedTool {
  /** The tool's own name (an MCP tool's name as its server gave it); compared after toIdentifier. */
  name: string;
  /** How a message names it, e.g. "the MCP tool 'get-forecast' of server 'weather'" or "the tool 'x' of the tools source". */
  source: string;
}

/** How a clash message names an MCP tool. */
export function mcpToolSource(server: string, mcpName: string): string {
  return `the MCP tool '${mcpName}' of server '${server}'`;
}

/** How a clash message names a tool of the playground's tools source. */
export function sourceToolSource(name: string): string {
  return `the tool '${name}' of the tools source`;
}

/**
 * One message per sandbox name that more than one tool would take, naming every side, and one per tool that would
 * take a reserved name (`final_answer`). Team members are passed as tools too. Empty when every name is free.
 */
export function findNameClashes(tools: readonly NamedTool[], reserved: readonly string[] = RESERVED_TOOL_NAMES): string[] {
  const byName = new Map<string, NamedTool[]>();
  for (const tool of tools) {
    const id = toIdentifier(tool.name);
    byName.set(id, [...(byName.get(id) ?? []), tool]);
  }
  const messages: string[] = [];
  for (const [id, group] of byName) {
    if (reserved.includes(id)) {
      messages.push(`${list(group.map((t) => t.source))} ${group.length === 1 ? 'becomes' : 'become'} ${id} in the sandbox, a name the agent reserves for itself`);
    } else if (group.length > 1) {
      messages.push(`${list(group.map((t) => t.source))} ${group.length === 2 ? 'both' : 'all'} become ${id} in the sandbox`);
    }
  }
  return messages;
}

function list(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
