// The tools as a model without native tool calls reads them in its system prompt: name, description, JSON Schema of the arguments.
import type { ToolSchema } from './render-schema';

export function renderToolForTextCalls(tool: Pick<ToolSchema, 'name' | 'description'> & { parameters: unknown }): string {
  return `- ${tool.name}: ${tool.description}\n    Arguments (JSON Schema): ${JSON.stringify(tool.parameters)}`;
}

/** Every tool given, in order (the caller includes final_answer). */
export function renderToolsForTextCalls(tools: readonly (Pick<ToolSchema, 'name' | 'description'> & { parameters: unknown })[]): string {
  return tools.map(renderToolForTextCalls).join('\n');
}
