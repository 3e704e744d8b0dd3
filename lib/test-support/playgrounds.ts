// Small playgrounds for tests, and a helper that runs one and collects its events.
import type { AgentEvent } from '../agent';
import type { ModelClient } from '../models/types';
import { parsePlayground, formatProblems } from '../playground/parse-playground';
import type { Playground, PlaygroundInput } from '../playground/schema';
import { createAgentFromPlayground, type AgentFromPlaygroundOptions } from '../runner';

export const MATH_TOOLS = `/**
 * Adds two numbers.
 * @param a The first number.
 * @param b The second number.
 */
export function add(a: number, b: number): number {
  return a + b;
}

/**
 * Looks up a word's length, slowly.
 * @param word The word.
 */
export async function word_length(word: string): Promise<number> {
  await Promise.resolve();
  return word.length;
}

/**
 * Fails on purpose.
 * @param why The message to fail with.
 */
export function explode(why: string): never {
  throw new Error(why);
}

/** Accepts only numbers above 10. */
function above_ten(answer: unknown) {
  return typeof answer === "number" && answer > 10 ? true : "the answer must be a number above 10";
}
`;

export function playground(overrides: Partial<PlaygroundInput> & { responses?: unknown[] } = {}): Playground {
  const { responses, ...rest } = overrides;
  const input = {
    version: 1,
    title: 'test',
    task: 'Do the thing.',
    tools: MATH_TOOLS,
    model: { provider: 'replay', responses: responses ?? [] },
    ...rest,
  };
  const parsed = parsePlayground(input);
  if (!parsed.ok) throw new Error(formatProblems(parsed.problems));
  return parsed.playground;
}

export const js = (code: string, thought = 'Thought: next.') => `${thought}\n\`\`\`js\n${code}\n\`\`\``;

export async function runToEnd(
  pg: Playground,
  options: AgentFromPlaygroundOptions & { signal?: AbortSignal; onEvent?: (event: AgentEvent) => void } = {},
): Promise<{ events: AgentEvent[]; end: Extract<AgentEvent, { type: 'run_end' }> }> {
  const agent = createAgentFromPlayground(pg, { replayDelayMs: 0, ...options });
  const events: AgentEvent[] = [];
  for await (const e of agent.run(pg.task, { signal: options.signal, onEvent: options.onEvent })) events.push(e);
  const end = events.findLast((e) => e.type === 'run_end' && !e.parent);
  if (!end || end.type !== 'run_end') throw new Error('the run did not end');
  return { events, end };
}

export function ofType<T extends AgentEvent['type']>(events: AgentEvent[], type: T, agent = 'main') {
  return events.filter((e): e is Extract<AgentEvent, { type: T }> => e.type === type && e.agent === agent);
}

/** A model that records every request it gets and answers from a list. */
export function recordingModel(answers: (string | { text?: string; toolCalls?: { id: string; name: string; arguments: unknown }[] })[]) {
  const requests: Parameters<ModelClient['generate']>[0][] = [];
  let i = 0;
  const model: ModelClient = {
    id: 'recording',
    async generate(request) {
      requests.push(request);
      const a = answers[i++];
      if (a === undefined) throw new Error('recording model: no answer left');
      const r = typeof a === 'string' ? { text: a } : { text: a.text ?? '', toolCalls: a.toolCalls };
      return { ...r, usage: { inputTokens: 10, outputTokens: 5 } };
    },
  };
  return { model, requests };
}
