// TEMP (lead's placeholder until mcp-core merges)
export function resultValue(result: unknown, toolLabel: string): unknown {
  const r = result as { isError?: boolean; structuredContent?: unknown; content?: { type: string; text?: string }[] };
  const text = (r.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
  if (r.isError) throw new Error(text || `the MCP tool ${toolLabel} reported an error with no message`);
  return r.structuredContent ?? text;
}
export function validateMcpArguments(_tool: unknown, _args: unknown): string | undefined {
  return undefined;
}
