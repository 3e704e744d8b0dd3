// An MCP tool's parameters as Settings lists them: name, TypeScript-like type, description, from its inputSchema.
import type { JsonSchema } from '@/lib/tools/types';

export interface McpParameter {
  name: string;
  typeText: string;
  description: string;
  optional: boolean;
}

/** `string`, `"celsius" | "fahrenheit"`, `number[]`, `{ title: string; at?: string }` … (short; deep nesting is elided). */
export function schemaTypeText(schema: JsonSchema | undefined, depth = 0): string {
  if (!schema) return 'unknown';
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map((s) => schemaTypeText(s, depth)).join(' | ');
  switch (schema.type) {
    case 'integer':
      return 'number';
    case 'array': {
      const item = schemaTypeText(schema.items, depth + 1);
      return /[ |]/.test(item) && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
    }
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      if (props.length === 0) return 'object';
      if (depth >= 2) return '{ … }';
      const required = new Set(schema.required ?? []);
      return `{ ${props.map(([name, s]) => `${name}${required.has(name) ? '' : '?'}: ${schemaTypeText(s, depth + 1)}`).join('; ')} }`;
    }
    case undefined:
      return 'unknown';
    default:
      return schema.type;
  }
}

export function mcpParameters(inputSchema: JsonSchema): McpParameter[] {
  const required = new Set(inputSchema.required ?? []);
  return Object.entries(inputSchema.properties ?? {}).map(([name, schema]) => ({
    name,
    typeText: schemaTypeText(schema, 1),
    description: schema.description ?? '',
    optional: !required.has(name),
  }));
}
