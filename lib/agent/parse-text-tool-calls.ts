// Tool calls written as JSON in a model's text (the `text` tool call format, for models without native tool calls).
import { z } from 'zod';

export interface TextToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export type TextToolCallsResult = { ok: true; calls: TextToolCall[] } | { ok: false; message: string };

const SHAPE = 'Write each tool call as a JSON block: ```json\n{"name": "tool_name", "arguments": {...}}\n``` (an array of such objects for several calls).';

const callSchema = z.looseObject({
  name: z.string('a tool call needs "name": the name of the tool to call, as a string').trim().min(1, 'a tool call needs "name": the name of the tool to call'),
  arguments: z.record(z.string(), z.unknown(), '"arguments" must be an object of the arguments by name, e.g. {"a": 1}').default({}),
});

/** ```json (or unlabelled) fenced blocks; a block never closed runs to the end of the text. */
const FENCE = /```[ \t]*(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)(?:```|$)/g;

/**
 * Reads the tool calls of a model's answer: every ```json fenced block, else the first bare JSON object or array in the
 * text. The message of a failure says what is wrong and where, for the model to fix next step.
 */
export function parseTextToolCalls(text: string): TextToolCallsResult {
  const fenced = [...text.matchAll(FENCE)].map((m) => m[1]!.trimEnd()).filter((block) => block.trim() !== '');
  const blocks = fenced.length > 0 ? fenced : bareJson(text);
  if (blocks.length === 0) return { ok: false, message: `You answered without calling a tool. ${SHAPE} Call final_answer with your answer to finish.` };

  const calls: TextToolCall[] = [];
  for (const [index, block] of blocks.entries()) {
    const which = blocks.length > 1 ? `JSON block ${index + 1}` : 'the JSON block';
    let json: unknown;
    try {
      json = JSON.parse(block);
    } catch {
      return { ok: false, message: `Your tool call is not valid JSON: in ${which}, ${describeJsonError(block)}. ${SHAPE}` };
    }
    const list = Array.isArray(json) ? json : [json];
    if (list.length === 0) return { ok: false, message: `${capitalise(which)} is an empty array: it calls no tool. ${SHAPE}` };
    for (const [i, item] of list.entries()) {
      const parsed = callSchema.safeParse(item);
      if (!parsed.success) {
        const where = Array.isArray(json) ? `call ${i + 1} of ${which}` : which;
        const issue = parsed.error.issues[0]!;
        const message = issue.path.length === 0 ? 'a tool call must be an object {"name": ..., "arguments": {...}}' : issue.message;
        return { ok: false, message: `In ${where}: ${message}. ${SHAPE}` };
      }
      calls.push({ name: parsed.data.name, arguments: parsed.data.arguments });
    }
  }
  return { ok: true, calls };
}

/** The first JSON object or array in prose: from a `{"` or `[{` to its matching bracket (or the end of the text). */
function bareJson(text: string): string[] {
  const start = text.search(/\{\s*"|\[\s*\{/);
  if (start < 0) return [];
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return [text.slice(start, i + 1)];
    }
  }
  return [text.slice(start)];
}

/** Where JSON.parse failed and why, as `line L, column C: expected …` (engines word their own messages differently, some without a position). */
export function describeJsonError(source: string): string {
  let i = 0;
  const fail = (expected: string): never => {
    throw new JsonSyntax(i, expected);
  };
  const ws = () => {
    while (i < source.length && ' \t\n\r'.includes(source[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < source.length) {
      const c = source[i]!;
      if (c === '"') return void i++;
      if (c === '\\') i += 2;
      else if (c < ' ') fail('the closing " of the string (a line break inside a string must be written \\n)');
      else i++;
    }
    fail('the closing " of the string');
  };
  const value = (): void => {
    ws();
    const c = source[i];
    if (c === '{') {
      i++;
      ws();
      if (source[i] === '}') return void i++;
      for (;;) {
        ws();
        if (source[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (source[i] !== ':') fail("':' after the property name");
        i++;
        value();
        ws();
        if (source[i] === ',') i++;
        else if (source[i] === '}') return void i++;
        else fail("',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (source[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (source[i] === ',') i++;
        else if (source[i] === ']') return void i++;
        else fail("',' or ']'");
      }
    }
    if (c === '"') return string();
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) return void (i += number[0].length);
    const word = ['true', 'false', 'null'].find((w) => source.startsWith(w, i));
    if (word) return void (i += word.length);
    fail('a value (a string in double quotes, a number, true, false, null, an object or an array)');
  };
  try {
    value();
    ws();
    if (i < source.length) fail('the end of the JSON');
    return 'the JSON is not valid';
  } catch (error) {
    if (!(error instanceof JsonSyntax)) throw error;
    const before = source.slice(0, error.offset).split('\n');
    const found = error.offset < source.length ? `found ${JSON.stringify(source[error.offset])}` : 'the JSON ends there';
    return `line ${before.length}, column ${before[before.length - 1]!.length + 1}: expected ${error.expected}, but ${found}`;
  }
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);
