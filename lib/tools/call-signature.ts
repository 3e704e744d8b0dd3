// What the sandbox needs to check a call made from code: each parameter's name, schema and whether it may be left
// out, and the signature to quote in the error (`get_forecast(city: string, daysAhead?: number)`).
import type { JsonSchema, ToolSpec } from './types';

export interface CallSignature {
  /** `get_forecast(city: string, daysAhead?: number)`, as the model's prompt declares it. */
  signature: string;
  params: { name: string; schema: JsonSchema; optional: boolean }[];
  /** An async tool rejects its Promise on a bad call, as an async function would; a sync one throws. */
  async: boolean;
}

/** The parameter list as the prompt writes it: `city: string, daysAhead?: number`. */
export function parameterList(spec: Pick<ToolSpec, 'parameters'>): string {
  return spec.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.typeText}`).join(', ');
}

export function callSignature(spec: ToolSpec): CallSignature {
  return {
    signature: `${spec.name}(${parameterList(spec)})`,
    params: spec.parameters.map((p) => ({ name: p.name, schema: p.schema, optional: p.optional || p.default !== undefined })),
    async: spec.async,
  };
}

/** Signatures of the tools, by name, for `ExecutorOptions.toolSignatures`. */
export function callSignatures(tools: readonly ToolSpec[]): Record<string, CallSignature> {
  return Object.fromEntries(tools.map((t) => [t.name, callSignature(t)]));
}
