// MCP tools as each agent's model sees them: JSON Schema → TypeScript text, declarations, list items, native schemas.
import type { ToolSchema } from '../tools/render-schema';
import type { JsonSchema } from '../tools/types';
import type { McpToolInfo } from './types';

export interface TypeTextOptions {
  /** Objects one property a line with doc comments (default), or all on one line without them (for lists). */
  multiline?: boolean;
  /** The indentation level the text starts at (two spaces each), for nesting inside other text. */
  indent?: number;
}

/** Deeper than this a schema renders as `unknown`: a server's schema is not trusted to be finite or sane. */
const MAX_DEPTH = 24;

interface Context {
  multiline: boolean;
  indent: number;
  depth: number;
}

/** A rendered type and whether it is a union or intersection (which needs parentheses before `[]`). */
interface TypeText {
  text: string;
  compound: boolean;
}

/** The TypeScript type of values a JSON Schema allows. Anything it can't express (`$ref`, odd shapes) is `unknown`. */
export function schemaToTypeScript(schema: unknown, options: TypeTextOptions = {}): string {
  return render(schema, { multiline: options.multiline ?? true, indent: options.indent ?? 0, depth: 0 }).text;
}

function render(schema: unknown, ctx: Context): TypeText {
  if (schema === false) return simple('never');
  if (!isRecord(schema) || ctx.depth > MAX_DEPTH || '$ref' in schema) return simple('unknown');
  if ('const' in schema) return simple(literal(schema.const));
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return union(schema.enum.map((v) => simple(literal(v))));
  const deeper = { ...ctx, depth: ctx.depth + 1 };
  const ownShape = 'type' in schema || isRecord(schema.properties);
  const alternatives = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (alternatives && alternatives.length > 0 && !ownShape) return withNull(union(alternatives.map((s) => render(s, deeper))), schema);
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0 && !ownShape) {
    const parts = schema.allOf.map((s) => render(s, deeper)).filter((p) => p.text !== 'unknown');
    if (parts.length === 0) return simple('unknown');
    if (parts.length === 1) return parts[0]!;
    return { text: parts.map((p) => (p.compound ? `(${p.text})` : p.text)).join(' & '), compound: true };
  }
  const types = typeList(schema);
  if (types.length === 0) return simple('unknown');
  return withNull(union(types.map((t) => renderType(t, schema, deeper))), schema);
}

function typeList(schema: Record<string, unknown>): string[] {
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  if (typeof schema.type === 'string') return [schema.type];
  if (isRecord(schema.properties) || 'additionalProperties' in schema) return ['object'];
  if ('items' in schema || 'prefixItems' in schema) return ['array'];
  return [];
}

function renderType(type: string, schema: Record<string, unknown>, ctx: Context): TypeText {
  switch (type) {
    case 'string':
    case 'boolean':
    case 'null':
      return simple(type);
    case 'number':
    case 'integer':
      return simple('number');
    case 'array':
      return renderArray(schema, ctx);
    case 'object':
      return simple(renderObject(schema, ctx));
    default:
      return simple('unknown');
  }
}

function renderArray(schema: Record<string, unknown>, ctx: Context): TypeText {
  const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : undefined;
  if (tuple) return simple(`[${tuple.map((s) => render(s, ctx).text).join(', ')}]`);
  if (!isRecord(schema.items) && schema.items !== false) return simple('unknown[]');
  const item = render(schema.items, ctx);
  return simple(item.compound ? `(${item.text})[]` : `${item.text}[]`);
}

function renderObject(schema: Record<string, unknown>, ctx: Context): string {
  const properties = isRecord(schema.properties) ? Object.entries(schema.properties) : [];
  if (properties.length === 0) {
    const extra = schema.additionalProperties;
    if (extra === false) return 'Record<string, never>';
    return `Record<string, ${isRecord(extra) ? render(extra, ctx).text : 'unknown'}>`;
  }
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : []);
  if (!ctx.multiline) {
    const members = properties.map(([key, prop]) => `${propertyKey(key)}${required.has(key) ? '' : '?'}: ${render(prop, ctx).text}`);
    return `{ ${members.join('; ')} }`;
  }
  const pad = '  '.repeat(ctx.indent + 1);
  const inner = { ...ctx, indent: ctx.indent + 1 };
  const lines = ['{'];
  for (const [key, prop] of properties) {
    const doc = isRecord(prop) ? docText(prop) : '';
    if (doc) lines.push(...docComment(doc).map((l) => pad + l));
    lines.push(`${pad}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${render(prop, inner).text};`);
  }
  lines.push(`${'  '.repeat(ctx.indent)}}`);
  return lines.join('\n');
}

/** A property's doc comment text: its description, format and default. */
function docText(schema: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof schema.description === 'string' && schema.description.trim()) parts.push(schema.description.trim());
  if (typeof schema.format === 'string' && schema.format) parts.push(`(format: ${schema.format})`);
  if ('default' in schema) parts.push(`(default: ${json(schema.default)})`);
  return parts.join(' ');
}

/** `/** text *\/` on one line, or a block for several lines; a `*\/` inside the text can't end it early. */
function docComment(text: string): string[] {
  const lines = text.replace(/\*\//g, '*\\/').split(/\r?\n|\r|\u2028|\u2029/);
  if (lines.length === 1) return [`/** ${lines[0]} */`];
  return ['/**', ...lines.map((l) => ` * ${l}`.trimEnd()), ' */'];
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function literal(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return 'unknown';
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function simple(text: string): TypeText {
  return { text, compound: false };
}

function union(parts: TypeText[]): TypeText {
  const texts = [...new Set(parts.map((p) => p.text))];
  if (texts.includes('unknown')) return simple('unknown');
  if (texts.length === 1) return parts.find((p) => p.text === texts[0])!;
  return { text: texts.join(' | '), compound: true };
}

/** OpenAPI's `nullable: true`, which some servers still write. */
function withNull(type: TypeText, schema: Record<string, unknown>): TypeText {
  if (schema.nullable !== true || type.text === 'unknown' || type.text.split(' | ').includes('null')) return type;
  return { text: `${type.text} | null`, compound: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/** A tool may be called without arguments when its input schema requires none. */
export function argumentsOptional(schema: unknown): boolean {
  return !isRecord(schema) || !Array.isArray(schema.required) || !schema.required.some((r) => typeof r === 'string');
}

function hasProperties(schema: unknown): boolean {
  return isRecord(schema) && isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
}

/** The type of a tool's arguments object: its input schema read as an object schema. */
function argumentsType(tool: McpToolInfo, options: TypeTextOptions): string {
  const schema = isRecord(tool.inputSchema) ? tool.inputSchema : {};
  return schemaToTypeScript({ ...schema, type: 'object' }, options);
}

function returnType(tool: McpToolInfo, options: TypeTextOptions): string {
  return tool.outputSchema !== undefined ? schemaToTypeScript(tool.outputSchema, options) : 'string';
}

function outputDescription(tool: McpToolInfo): string {
  const output: unknown = tool.outputSchema;
  return isRecord(output) && typeof output.description === 'string' ? output.description.trim() : '';
}

/**
 * The CodeAgent's declaration of one MCP tool, in the style of renderToolForCode: a doc comment with its description,
 * then `async function name(args: {...}): Promise<T>`, T being its output schema's type or `string`. `args` is
 * optional when the schema requires no property.
 */
export function mcpToolDeclaration(tool: McpToolInfo): string {
  const lines = tool.description.trim() ? tool.description.trim().replace(/\*\//g, '*\\/').split(/\r?\n|\r/).map((l) => ` * ${l}`.trimEnd()) : [];
  const returns = outputDescription(tool);
  if (returns) lines.push(` * @returns ${oneLine(returns).replace(/\*\//g, '*\\/')}`);
  const doc = lines.length ? `/**\n${lines.join('\n')}\n */\n` : '';
  const schema: unknown = tool.inputSchema;
  const optional = argumentsOptional(schema) ? '?' : '';
  const params = hasProperties(schema) || (isRecord(schema) && isRecord(schema.additionalProperties)) ? `args${optional}: ${argumentsType(tool, {})}` : 'args?: {}';
  return `${doc}async function ${tool.name}(${params}): Promise<${returnType(tool, {})}>`;
}

/** The comment line above one server's tools in the CodeAgent's prompt and the editor's typings. */
export function mcpServerHeading(server: string, url: string): string {
  return `// Tools of the MCP server '${oneLine(server)}' (${oneLine(url)}): call each with one object and await it.`;
}

/** The ToolCallingAgent's list-prompt item for one MCP tool, in renderToolAsListItem's format, marked with its server. */
export function mcpToolListItem(tool: McpToolInfo): string {
  const schema: unknown = tool.inputSchema;
  const properties = isRecord(schema) && isRecord(schema.properties) ? Object.entries(schema.properties) : [];
  const required = isRecord(schema) && Array.isArray(schema.required) ? schema.required : [];
  const inputs = properties.length
    ? properties
        .map(([key, prop]) => {
          const description = isRecord(prop) ? oneLine(docText(prop)) : '';
          const type = schemaToTypeScript(prop, { multiline: false });
          return `      - ${key}${required.includes(key) ? '' : ' (optional)'}: ${type}. ${description}`.trimEnd();
        })
        .join('\n')
    : '      (none)';
  const output = outputDescription(tool);
  const returns = `${returnType(tool, { multiline: false })}${output ? `. ${oneLine(output)}` : ''}`;
  return `- ${tool.name} (MCP server '${tool.server}'): ${oneLine(tool.description)}\n    Takes inputs:\n${inputs}\n    Returns: ${returns}`;
}

/** One MCP tool for native tool calling: its server in the description, what it returns when it says so. */
export function mcpToolSchema(tool: McpToolInfo): ToolSchema {
  const returns = tool.outputSchema !== undefined ? ` Returns ${returnType(tool, { multiline: false })}${outputDescription(tool) ? `: ${oneLine(outputDescription(tool))}` : '.'}` : '';
  const description = `${tool.description.trim()} (MCP server '${tool.server}')`.trim();
  return { name: tool.name, description: `${description}${returns}`, parameters: sanitizeInputSchema(tool.inputSchema) };
}

/** Deeper than this a server's schema is cut (the model gets `{}` there: any value). */
const MAX_SCHEMA_DEPTH = 32;

/**
 * The input schema as the model API gets it: a plain JSON object (copied; no prototypes, functions or cycles), with
 * `type: "object"` and `properties` when the server left them out, and without `$schema`.
 */
export function sanitizeInputSchema(schema: unknown): JsonSchema {
  const plain = plainJson(schema, 0);
  const object: Record<string, unknown> = isRecord(plain) ? plain : {};
  delete object.$schema;
  if (object.type === undefined) object.type = 'object';
  if (object.type === 'object' && !isRecord(object.properties)) object.properties = {};
  return object as JsonSchema;
}

function plainJson(value: unknown, depth: number): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'object' || depth > MAX_SCHEMA_DEPTH) return depth > MAX_SCHEMA_DEPTH ? {} : undefined;
  if (Array.isArray(value)) return value.map((v) => plainJson(v, depth + 1) ?? null);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '__proto__') continue;
    const copy = plainJson(v, depth + 1);
    if (copy !== undefined) out[key] = copy;
  }
  return out;
}
