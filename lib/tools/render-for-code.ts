// The tools as a CodeAgent's model sees them: TypeScript declarations with their doc comments.
import { parameterList } from './call-signature';
import { FINAL_ANSWER_TOOL } from './final-answer-tool';
import type { CompiledTools, ToolSpec } from './types';

export function renderToolForCode(spec: ToolSpec): string {
  const lines = spec.description.split('\n').map((l) => ` * ${l}`.trimEnd());
  for (const p of spec.parameters) {
    const def = p.default !== undefined ? ` (default: ${JSON.stringify(p.default)})` : '';
    lines.push(` * @param ${p.name} ${p.description}${def}`.trimEnd());
  }
  if (spec.returns.description) lines.push(` * @returns ${spec.returns.description}`);
  const params = parameterList(spec);
  const returns = spec.async ? `Promise<${spec.returns.typeText}>` : spec.returns.typeText;
  return `/**\n${lines.join('\n')}\n */\n${spec.async ? 'async ' : ''}function ${spec.name}(${params}): ${returns}`;
}

/** The types the tools use, then every tool, then final_answer. */
export function renderToolsForCode(compiled: Pick<CompiledTools, 'tools' | 'types'>): string {
  return [...compiled.types.map((t) => t.text), ...compiled.tools.map(renderToolForCode), renderToolForCode(FINAL_ANSWER_TOOL)].join(
    '\n\n',
  );
}
