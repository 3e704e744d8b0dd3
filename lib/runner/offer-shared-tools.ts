// The tools of a playground from outside, offered for import into the current one: each as the model would see it in
// the current playground (the analysis's rendering) and its code, never run. Then the chosen ones as code to append.
import { enabledBuiltins } from '../builtins';
import type { Playground } from '../playground/schema';
import { compileTools } from '../tools/compile-tools';
import { importToolsCode, lineComment, type ImportCode, extractTools } from '../tools/extract-tools';
import { analyzePlayground } from './analyze-playground';

export { appendCode } from '../tools/extract-tools';

export interface OfferedTool {
  name: string;
  /** How the model reads it (declaration for a CodeAgent, list entry or schema for a ToolCallingAgent). */
  rendered: string;
  /** Its code and that of the helpers, types and constants it needs: what would be appended. */
  code: string;
  helpers: string[];
}

export interface Offer {
  tools: OfferedTool[];
  /** Problems in the shared source (tools with problems are not offered). */
  problems: string[];
}

export function offerSharedTools(shared: Playground, current: Playground): Offer {
  const compiled = compileTools(shared.tools);
  // As the current playground's agent would show them: it is where they will be used.
  const analysis = analyzePlayground({ ...current, tools: shared.tools, mcpServers: [], builtinTools: [] });
  const names = compiled.tools.map((t) => t.name);
  const extracts = extractTools(shared.tools, names);
  return {
    tools: extracts.map((e) => ({ name: e.name, rendered: analysis.rendered[e.name] ?? '', code: e.code, helpers: e.helpers })),
    problems: compiled.errors.map((d) => `line ${d.line}:${d.column}: ${d.message}`),
  };
}

/** Names the current playground uses outside its tools source: tools with these names would clash. */
function reservedNames(current: Playground): string[] {
  return ['final_answer', ...enabledBuiltins(current.builtinTools), ...current.agent.managedAgents.map((m) => m.name)];
}

/** The code to append to the current tools for `chosen`, each under a comment naming `from` (where the link came from). */
export function importChosenTools(shared: Playground, chosen: readonly string[], current: Playground, from: string): ImportCode {
  return importToolsCode(shared.tools, chosen, current.tools, (tool) => lineComment(`Imported tool ${tool} from ${from}. Written by someone else: review it before you run it.`), reservedNames(current));
}
