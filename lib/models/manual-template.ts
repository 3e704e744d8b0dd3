// What the person playing the model starts from: a template of the expected answer, and a parser for tool calls typed as JSON.
import { z } from 'zod';
import type { ModelRequest, ModelTool, ToolCall } from './types';

export type AnswerTemplate = { kind: 'text'; text: string; hint: string } | { kind: 'tool-calls'; thought: string; calls: string; hint: string };

export function answerTemplate(request: ModelRequest): AnswerTemplate {
  if (request.purpose === 'planning') {
    return {
      kind: 'text',
      text: '## 1. Facts given in the task\n- \n\n## 2. Facts to look up\n- \n\n## 3. Facts to derive\n- \n\n1. \n\n<end_plan>',
      hint: 'Write the facts survey and a numbered plan, as the last message asks. No code now.',
    };
  }
  if (request.purpose === 'final') {
    return { kind: 'text', text: '', hint: 'The agent ran out of steps: write the final answer in plain text.' };
  }
  if (request.toolCallFormat === 'text') {
    return {
      kind: 'text',
      text: 'Thought: \n```json\n{"name": "", "arguments": {}}\n```',
      hint: 'This model has no native tool calls: the system prompt above lists the tools and their JSON schemas. Write a thought, then the call as a ```json block {"name", "arguments"} (an array for several). Call final_answer to finish.',
    };
  }
  if (request.tools) {
    const first = request.tools.find((t) => t.name !== 'final_answer') ?? request.tools[0];
    return {
      kind: 'tool-calls',
      thought: '',
      calls: first ? JSON.stringify([toolCallSkeleton(first)], null, 2) : '[]',
      hint: 'Write the tool calls as a JSON array of {"name", "arguments"}. Call final_answer to finish.',
    };
  }
  return {
    kind: 'text',
    text: 'Thought: \n```js\n\n```',
    hint: 'Write a thought, then JavaScript in one ```js block. Call final_answer(answer) to finish.',
  };
}

/** A call of the tool with a placeholder for each required argument, typed by its schema. */
export function toolCallSkeleton(tool: ModelTool): { name: string; arguments: Record<string, unknown> } {
  const schema = tool.parameters as { properties?: Record<string, { type?: string }>; required?: string[] };
  const args: Record<string, unknown> = {};
  for (const name of schema.required ?? Object.keys(schema.properties ?? {})) {
    const type = schema.properties?.[name]?.type;
    args[name] = type === 'number' || type === 'integer' ? 0 : type === 'boolean' ? false : type === 'array' ? [] : type === 'object' ? {} : '';
  }
  return { name: tool.name, arguments: args };
}

const callsSchema = z.array(
  z.object({
    name: z.string().min(1, 'each call needs the tool name'),
    arguments: z.record(z.string(), z.unknown()).default({}),
    id: z.string().optional(),
  }),
);

/** Parses tool calls typed as JSON; the message says what is wrong, and where. */
export function parseManualToolCalls(text: string, tools: ModelTool[]): { ok: true; calls: ToolCall[] } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The tool calls are not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = callsSchema.safeParse(Array.isArray(json) ? json : [json]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, ...field] = issue.path;
    const where = typeof index === 'number' ? `call ${index + 1}${field.length ? ` (${field.join('.')})` : ''}` : 'the calls';
    return { ok: false, message: `In ${where}: ${issue.message}` };
  }
  if (parsed.data.length === 0) return { ok: false, message: 'Write at least one tool call (final_answer ends the run).' };
  const unknown = parsed.data.find((c) => !tools.some((t) => t.name === c.name));
  if (unknown) return { ok: false, message: `There is no tool named '${unknown.name}'. Tools: ${tools.map((t) => t.name).join(', ')}.` };
  return { ok: true, calls: parsed.data.map((c, i) => ({ id: c.id ?? `manual_${Date.now().toString(36)}_${i}`, name: c.name, arguments: c.arguments })) };
}
