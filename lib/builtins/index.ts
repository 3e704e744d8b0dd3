// The built-in tools: an opt-in toolbox (user_input, visit_webpage, web_search) that runs on the host, described to the
// model from its documented source like the user's tools, and called from the sandbox through the host-tool bridge.
import { compileTools } from '../tools/compile-tools';
import type { ToolSpec } from '../tools/types';
import { validateArguments } from '../tools/validate-arguments';
import type { HostTool } from '../sandbox/types';
import { userInputTool } from './user-input';
import { visitWebpageTool } from './visit-webpage';
import { webSearchTool } from './web-search';
import { BUILTIN_TOOL_NAMES, type BuiltinTool, type BuiltinToolContext, type BuiltinToolName } from './types';

export { BUILTIN_TOOL_NAMES, type BuiltinTool, type BuiltinToolContext, type BuiltinToolName, type UserAsker } from './types';
export { BRAVE_SEARCH_ORIGIN } from './web-search';

export const BUILTIN_TOOLS: readonly BuiltinTool[] = [userInputTool, visitWebpageTool, webSearchTool];

export function builtinTool(name: BuiltinToolName): BuiltinTool {
  return BUILTIN_TOOLS.find((t) => t.name === name)!;
}

const specCache = new Map<BuiltinToolName, ToolSpec>();

/** The spec of a built-in tool, compiled from its documented source (so the model reads it as it reads the user's tools). */
export function builtinSpec(name: BuiltinToolName): ToolSpec {
  let spec = specCache.get(name);
  if (!spec) {
    const compiled = compileTools(builtinTool(name).source);
    if (compiled.errors.length > 0 || compiled.tools.length !== 1) throw new Error(`the built-in tool ${name} does not compile: ${compiled.errors.map((e) => e.message).join('; ')}`);
    spec = { ...compiled.tools[0]!, line: 0 };
    specCache.set(name, spec);
  }
  return spec;
}

/** The enabled built-ins, in the toolbox's order (the document's order does not change the prompt). */
export function enabledBuiltins(names: readonly string[] | undefined): BuiltinToolName[] {
  return BUILTIN_TOOL_NAMES.filter((n) => names?.includes(n));
}

/** The built-ins as host tools: `user_input("…")` from a snippet, or `{question: "…"}` from a tool call, alike. */
export function builtinHostTools(names: readonly BuiltinToolName[], context: BuiltinToolContext): HostTool[] {
  return names.map((name) => {
    const spec = builtinSpec(name);
    return {
      name,
      ...(name === 'user_input' ? { waitsForPerson: true } : {}),
      call: async (args, ctx) => {
        const named = namedArguments(spec, args);
        const problems = validateArguments(spec.inputSchema, named);
        if (problems.length > 0) {
          throw new TypeError(`Invalid arguments for ${name}: ${problems.join('; ')}. Call it as ${name}(${spec.parameters.map((p) => p.name).join(', ')}).`);
        }
        return builtinTool(name).run(named, { ...context, signal: ctx.signal, callId: ctx.callId });
      },
    };
  });
}

/** Positional arguments (a snippet) or one object of named ones (a tool call, or a snippet that passes one). */
function namedArguments(spec: ToolSpec, args: unknown[]): Record<string, unknown> {
  const only = args[0];
  if (args.length === 1 && typeof only === 'object' && only !== null && !Array.isArray(only)) {
    const keys = Object.keys(only);
    if (keys.length > 0 && keys.every((k) => spec.parameters.some((p) => p.name === k))) return only as Record<string, unknown>;
  }
  return Object.fromEntries(spec.parameters.flatMap((p, i) => (args[i] === undefined ? [] : [[p.name, args[i]]])));
}
