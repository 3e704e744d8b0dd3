// What an MCP tool call gives the snippet: its result as a value (or a thrown Error), and the check of its arguments.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { validateArguments } from '../tools/validate-arguments';
import { argumentsOptional, sanitizeInputSchema } from './schema-to-typescript';
import type { McpToolInfo } from './types';

/**
 * The value of a `tools/call` result: `structuredContent` when present (an object), otherwise the content parts in
 * order, joined with "\n" (text as is; images, audio and resources as one line each, like `[image/png, 12 KB]`).
 * `isError: true` throws an Error whose message is the server's text. `toolLabel` names the tool in messages, e.g.
 * "get_forecast of server 'weather'". The result is read defensively: whatever a server sends, the only thing thrown
 * is an Error with a clear message.
 */
export function resultValue(result: CallToolResult | unknown, toolLabel: string): unknown {
  if (!isRecord(result)) throw new Error(`the MCP tool ${toolLabel} sent a result that is not an object`);
  const content = Array.isArray(result.content) ? result.content : [];
  if (result.isError === true) {
    const text = content
      .filter((part) => isRecord(part) && part.type === 'text' && typeof part.text === 'string')
      .map((part) => (part as { text: string }).text)
      .join('\n')
      .trim();
    throw new Error(text || `the MCP tool ${toolLabel} reported an error with no message`);
  }
  if (isRecord(result.structuredContent)) return result.structuredContent;
  // Servers of protocol version 2024-10-07 answer with `toolResult` instead of content.
  if (!Array.isArray(result.content) && 'toolResult' in result) return result.toolResult;
  return content.map(describePart).join('\n');
}

function describePart(part: unknown): string {
  if (!isRecord(part)) return '[unreadable content]';
  switch (part.type) {
    case 'text':
      return typeof part.text === 'string' ? part.text : '';
    case 'image':
    case 'audio':
      return `[${mime(part.mimeType, part.type)}, ${formatSize(base64Bytes(part.data))}]`;
    case 'resource_link':
      return `[resource ${[text(part.uri, 'with no address'), ...(typeof part.mimeType === 'string' ? [part.mimeType] : [])].join(', ')}]`;
    case 'resource': {
      const resource = isRecord(part.resource) ? part.resource : {};
      const size = typeof resource.text === 'string' ? utf8Bytes(resource.text) : base64Bytes(resource.blob);
      const parts = [text(resource.uri, 'with no address'), ...(typeof resource.mimeType === 'string' ? [resource.mimeType] : []), formatSize(size)];
      return `[resource ${parts.join(', ')}]`;
    }
    default:
      return `[${typeof part.type === 'string' ? part.type.slice(0, 40) : 'unknown'} content]`;
  }
}

function mime(value: unknown, kind: string): string {
  return typeof value === 'string' && value ? value : kind;
}

function text(value: unknown, otherwise: string): string {
  return typeof value === 'string' && value ? value : otherwise;
}

/** The size of the bytes a base64 text encodes (padding and line breaks don't count). */
function base64Bytes(data: unknown): number {
  if (typeof data !== 'string') return 0;
  const clean = data.replace(/[\s=]/g, '');
  return Math.floor((clean.length * 3) / 4);
}

function utf8Bytes(value: string): number {
  return new TextEncoder().encode(value).length;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Checks the arguments of a call of an MCP tool against its input schema before it is sent: undefined when they fit,
 * else a message naming the tool and the field.
 */
export function validateMcpArguments(tool: McpToolInfo, args: unknown): string | undefined {
  const schema = sanitizeInputSchema(tool.inputSchema);
  if (args === undefined && argumentsOptional(schema)) return undefined;
  if (!isRecord(args)) return `call ${tool.name} with one object, e.g. await ${tool.name}(${example(schema as Record<string, unknown>)})`;
  let problems: string[];
  try {
    problems = validateArguments(schema, args);
  } catch {
    // A schema too odd or deep to check here: the server checks the arguments itself.
    return undefined;
  }
  return problems.length ? `Invalid arguments for ${tool.name} (MCP server '${tool.server}'): ${problems.join('; ')}` : undefined;
}

function example(schema: Record<string, unknown>): string {
  const properties = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  const first = required[0] ?? properties[0];
  if (first === undefined) return '{}';
  return `{ ${/^[A-Za-z_$][\w$]*$/.test(first) ? first : JSON.stringify(first)}: … }`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
