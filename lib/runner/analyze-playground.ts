// What the editor shows before a run: the tools as the model will see them, and the system prompt with its size per section.
import { builtinSpec, enabledBuiltins } from '../builtins';
import { buildSystemPrompt, renderManagedAgentForCode, renderManagedAgentForToolCalling, renderToolsForTextFormat } from '../agent';
import { mcpModelTools, mcpToolsAsList, mcpToolsForCode } from '../mcp/mcp-agent-tools';
import { mcpToolDeclaration, mcpToolListItem } from '../mcp/schema-to-typescript';
import type { McpServerListing, McpToolInfo } from '../mcp/types';
import { estimateTokens } from '../models/usage';
import { packageName } from '../playground/package-name';
import type { Playground } from '../playground/schema';
import { compileTools, FINAL_ANSWER_TOOL, renderToolAsListItem, renderToolForCode, renderToolForTextCalls, toolSchemasForModel } from '../tools';
import type { SourceDiagnostic, ToolSpec } from '../tools/types';

export interface PromptSection {
  kind: 'rules' | 'types' | 'tool' | 'mcp-tool' | 'managed-agent' | 'instructions';
  /** `rules`, a tool's or managed agent's name, … */
  label: string;
  /** Estimated tokens (characters / 4). */
  tokens: number;
}

export interface PlaygroundAnalysis {
  tools: ToolSpec[];
  /** The MCP servers' tools as last listed, for the document's servers only (allow-lists applied). */
  mcpTools: McpToolInfo[];
  /** How each tool reads in the prompt, by tool name (declaration for a CodeAgent, list item otherwise). */
  rendered: Record<string, string>;
  errors: SourceDiagnostic[];
  /** Every top-level function of the tools source, in source order (what a final-answer check may name). */
  functionNames: string[];
  systemPrompt: string;
  promptTokens: number;
  sections: PromptSection[];
}

/** `mcp`: the servers' listings from Settings; those of servers the document no longer has (or whose address changed) are left out. */
export function analyzePlayground(playground: Playground, mcp: McpServerListing[] = []): PlaygroundAnalysis {
  const compiled = compileTools(playground.tools);
  const mcpTools = playground.mcpServers.flatMap((server) => {
    const listing = mcp.find((l) => l.server === server.name && l.url === server.url);
    if (!listing?.ok) return [];
    return listing.tools.filter((t) => !server.tools || server.tools.includes(t.mcpName));
  });
  const { type, managedAgents, instructions } = playground.agent;
  const code = type === 'code';
  // A ToolCallingAgent in the text tool call format reads each tool's JSON schema in its prompt.
  const textCalls = !code && playground.model.toolCallFormat === 'text';
  const builtins = enabledBuiltins(playground.builtinTools).map(builtinSpec);
  const schemas = textCalls ? [...toolSchemasForModel({ tools: [...compiled.tools, ...builtins] }), ...mcpModelTools(mcpTools)] : [];
  const renderTool = code ? renderToolForCode : textCalls ? (t: ToolSpec) => renderToolForTextCalls(schemas.find((s) => s.name === t.name)!) : renderToolAsListItem;
  const renderAgent = code ? renderManagedAgentForCode : renderManagedAgentForToolCalling;
  // The enabled built-ins follow the user's tools, as in the run (create-agent-from-playground.ts).
  const tools = [...compiled.tools, ...builtins, FINAL_ANSWER_TOOL];
  const rendered = Object.fromEntries([
    ...tools.map((t) => [t.name, renderTool(t)]),
    ...mcpTools.map((t) => [t.name, code ? mcpToolDeclaration(t) : textCalls ? renderToolForTextCalls(schemas.find((s) => s.name === t.name)!) : mcpToolListItem(t)]),
  ]);
  const typesText = code ? compiled.types.map((t) => t.text).join('\n\n') : '';

  const systemPrompt = buildSystemPrompt(type, {
    tools: code
      ? [typesText, ...tools.map(renderTool), mcpToolsForCode(mcpTools, playground.mcpServers)].filter(Boolean).join('\n\n')
      : textCalls
        ? renderToolsForTextFormat(schemas)
        : [...tools.map(renderTool), mcpToolsAsList(mcpTools)].filter(Boolean).join('\n'),
    managedAgents: managedAgents.map((m) => ({ name: m.name, description: m.description })),
    instructions,
    mcpToolNames: mcpTools.map((t) => t.name),
    // As a run on WebContainer would say; on QuickJS (and when WebContainer falls back to it) there are none.
    ...(playground.sandbox.kind === 'webcontainer' ? { packages: playground.sandbox.packages.map(packageName) } : {}),
    ...(playground.agent.promptTemplates ? { templates: playground.agent.promptTemplates } : {}),
  });

  const parts: PromptSection[] = [];
  if (typesText) parts.push({ kind: 'types', label: 'types used by the tools', tokens: estimateTokens(typesText) });
  for (const t of tools) parts.push({ kind: 'tool', label: t.name, tokens: estimateTokens(rendered[t.name]!) });
  for (const t of mcpTools) parts.push({ kind: 'mcp-tool', label: t.name, tokens: estimateTokens(rendered[t.name]!) });
  for (const m of managedAgents) parts.push({ kind: 'managed-agent', label: m.name, tokens: estimateTokens(renderAgent(m)) });
  if (instructions.trim()) parts.push({ kind: 'instructions', label: 'your instructions', tokens: estimateTokens(instructions.trim()) });
  const promptTokens = estimateTokens(systemPrompt);
  const rules = Math.max(0, promptTokens - parts.reduce((sum, p) => sum + p.tokens, 0));

  return {
    tools: compiled.tools,
    mcpTools,
    rendered,
    errors: compiled.errors,
    functionNames: compiled.functionNames,
    systemPrompt,
    promptTokens,
    sections: [{ kind: 'rules', label: 'rules and examples', tokens: rules }, ...parts],
  };
}
