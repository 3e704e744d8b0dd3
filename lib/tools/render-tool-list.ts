// The tools as a readable list, for the ToolCallingAgent's system prompt (the schemas go to the API natively).
import type { CompiledTools, ToolSpec } from './types';

export function renderToolAsListItem(spec: ToolSpec): string {
  const inputs = spec.parameters.length
    ? spec.parameters
        .map((p) => `      - ${p.name}${p.optional ? ' (optional)' : ''}: ${p.typeText}. ${p.description}`.trimEnd())
        .join('\n')
    : '      (none)';
  const returns = `${spec.returns.typeText}${spec.returns.description ? `. ${spec.returns.description}` : ''}`;
  return `- ${spec.name}: ${spec.description}\n    Takes inputs:\n${inputs}\n    Returns: ${returns}`;
}

/** Every tool, then final_answer. */
export function renderToolsAsList(compiled: Pick<CompiledTools, 'tools'>, finalAnswer: ToolSpec): string {
  return [...compiled.tools, finalAnswer].map(renderToolAsListItem).join('\n');
}
