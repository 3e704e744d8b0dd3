// The tools as a tool-calling model sees them: name, description, JSON Schema of the arguments.
import { FINAL_ANSWER_TOOL } from './final-answer-tool';
import type { CompiledTools, JsonSchema, ToolSpec } from './types';

export interface ToolSchema {
  name: string;
  description: string;
  parameters: JsonSchema;
}

export function renderToolSchema(spec: ToolSpec): ToolSchema {
  const returns = spec.returns.typeText !== 'unknown' ? ` Returns ${spec.returns.typeText}${spec.returns.description ? `: ${spec.returns.description}` : '.'}` : '';
  return { name: spec.name, description: `${spec.description}${returns}`, parameters: spec.inputSchema };
}

/** Every tool, then final_answer. */
export function toolSchemasForModel(compiled: Pick<CompiledTools, 'tools'>): ToolSchema[] {
  return [...compiled.tools, FINAL_ANSWER_TOOL].map((s) => (s === FINAL_ANSWER_TOOL ? { name: s.name, description: s.description, parameters: s.inputSchema } : renderToolSchema(s)));
}
