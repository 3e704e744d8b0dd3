// Checks a tool-calling model's arguments against a tool's schema, with messages the model can act on.
import type { JsonSchema, ToolSpec } from './types';

export function validateArguments(schema: JsonSchema, value: unknown): string[] {
  const problems: string[] = [];
  check(schema, value, '', problems);
  return problems;
}

function label(path: string): string {
  return path ? `argument \`${path}\`` : 'the arguments';
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function check(schema: JsonSchema, value: unknown, path: string, problems: string[]): void {
  if (schema.anyOf) {
    const fits = schema.anyOf.some((s) => validateArguments(s, value).length === 0);
    if (!fits) {
      const kinds = schema.anyOf.map((s) => s.enum?.map((e) => JSON.stringify(e)).join(' | ') ?? s.type ?? 'any').join(' or ');
      problems.push(`${label(path)} must be ${kinds}; got ${JSON.stringify(value) ?? typeOf(value)}`);
    }
    return;
  }
  if (schema.type && !hasType(schema.type, value)) {
    problems.push(`${label(path)} must be ${article(schema.type)}; got ${typeOf(value)}`);
    return;
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    problems.push(`${label(path)} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}; got ${JSON.stringify(value)}`);
    return;
  }
  if (schema.type === 'array' && schema.items && Array.isArray(value)) {
    value.forEach((item, i) => check(schema.items!, item, `${path}[${i}]`, problems));
  }
  if (schema.type === 'object' && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const join = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of schema.required ?? []) {
      if (record[key] === undefined) problems.push(`missing required ${label(join(key))}`);
    }
    for (const [key, v] of Object.entries(record)) {
      const prop = schema.properties?.[key];
      if (prop) {
        if (v !== undefined) check(prop, v, join(key), problems);
      } else if (schema.additionalProperties === false) {
        problems.push(`unknown ${label(join(key))}`);
      } else if (typeof schema.additionalProperties === 'object') {
        check(schema.additionalProperties, v, join(key), problems);
      }
    }
  }
}

function hasType(type: NonNullable<JsonSchema['type']>, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
  }
}

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

/** Named arguments in parameter order, for calling the function; missing optional ones are undefined. */
export function argumentsToPositional(spec: ToolSpec, args: Record<string, unknown>): unknown[] {
  const positional = spec.parameters.map((p) => args[p.name]);
  while (positional.length > 0 && positional[positional.length - 1] === undefined) positional.pop();
  return positional;
}
