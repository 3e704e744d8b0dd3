// Checks a tool-calling model's arguments against a tool's schema, with messages the model can act on.
import type { JsonSchema, JsonSchemaType, ToolSpec } from './types';

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
  const alternatives = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (alternatives) {
    const fits = alternatives.some((s) => validateArguments(s, value).length === 0);
    if (!fits) {
      const kinds = alternatives
        .map((s) => (Array.isArray(s.enum) ? s.enum.map((e) => JSON.stringify(e)).join(' | ') : 'const' in s ? JSON.stringify(s.const) : typesOf(s).join(' or ') || 'any'))
        .join(' or ');
      problems.push(`${label(path)} must be ${kinds}; got ${JSON.stringify(value) ?? typeOf(value)}`);
    }
    return;
  }
  const types = typesOf(schema);
  if (types.length > 0 && !types.some((t) => hasType(t, value))) {
    problems.push(`${label(path)} must be ${types.map(article).join(' or ')}; got ${typeOf(value)}`);
    return;
  }
  if ('const' in schema && !sameJson(schema.const, value)) {
    problems.push(`${label(path)} must be ${JSON.stringify(schema.const)}; got ${JSON.stringify(value) ?? typeOf(value)}`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) {
    problems.push(`${label(path)} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}; got ${JSON.stringify(value)}`);
    return;
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) check(part, value, path, problems);
  }
  if (types.includes('array') && isSchema(schema.items) && Array.isArray(value)) {
    value.forEach((item, i) => check(schema.items!, item, `${path}[${i}]`, problems));
  }
  if (types.includes('object') && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const properties = isSchema(schema.properties) ? schema.properties : undefined;
    const join = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of Array.isArray(schema.required) ? schema.required : []) {
      if (record[key] === undefined) problems.push(`missing required ${label(join(key))}`);
    }
    for (const [key, v] of Object.entries(record)) {
      const prop = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (isSchema(prop)) {
        if (v !== undefined) check(prop, v, join(key), problems);
      } else if (schema.additionalProperties === false) {
        problems.push(`unknown ${label(join(key))}`);
      } else if (isSchema(schema.additionalProperties)) {
        check(schema.additionalProperties, v, join(key), problems);
      }
    }
  }
}

/** The schema's `type` as a list (MCP servers write `["string", "null"]`); empty when it has none. */
function typesOf(schema: JsonSchema): JsonSchemaType[] {
  if (Array.isArray(schema.type)) return schema.type;
  return typeof schema.type === 'string' ? [schema.type] : [];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function hasType(type: JsonSchemaType, value: unknown): boolean {
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
    default:
      // A type this checker does not know (a hostile or newer schema): let the server judge.
      return true;
  }
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

/** Named arguments in parameter order, for calling the function; missing optional ones are undefined. */
export function argumentsToPositional(spec: ToolSpec, args: Record<string, unknown>): unknown[] {
  const positional = spec.parameters.map((p) => args[p.name]);
  while (positional.length > 0 && positional[positional.length - 1] === undefined) positional.pop();
  return positional;
}
