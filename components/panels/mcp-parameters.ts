// An MCP tool's parameters as Settings lists them: name, TypeScript-like type, description, from its inputSchema.
import { schemaToTypeScript } from '@/lib/mcp/schema-to-typescript';
import type { JsonSchema } from '@/lib/tools/types';

export interface McpParameter {
  name: string;
  typeText: string;
  description: string;
  optional: boolean;
}

/** `string`, `"celsius" | "fahrenheit"`, `number[]`, `{ title: string; at?: string }` … on one line. */
export function schemaTypeText(schema: unknown): string {
  return schemaToTypeScript(schema, { multiline: false });
}

export function mcpParameters(inputSchema: JsonSchema): McpParameter[] {
  const required = new Set(inputSchema.required ?? []);
  return Object.entries(inputSchema.properties ?? {}).map(([name, schema]) => ({
    name,
    typeText: schemaTypeText(schema),
    description: schema.description ?? '',
    optional: !required.has(name),
  }));
}
