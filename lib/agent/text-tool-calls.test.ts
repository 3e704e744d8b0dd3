// A ToolCallingAgent whose model writes its tool calls as JSON in its text ("toolCallFormat": "text").
import { describe, expect, it } from 'vitest';
import { ofType, playground, recordingModel, runToEnd } from '../test-support/playgrounds';
import type { PlaygroundInput } from '../playground/schema';
import { createAgentFromPlayground } from '../runner/create-agent-from-playground';
import type { AgentEvent } from './events';
import { forkPrefix } from './fork';

const call = (json: string, thought = 'Thought: I use a tool.') => `${thought}\n\`\`\`json\n${json}\n\`\`\``;

const textPlayground = (responses: string[], extra: Partial<PlaygroundInput> = {}) =>
  playground({
    agent: { type: 'tool-calling', maxSteps: 5 },
    model: { provider: 'replay', responses, toolCallFormat: 'text' },
    ...extra,
  });

describe('ToolCallingAgent with the text tool call format', () => {
  it('runs a replayed model to its final answer: the calls are tool calls with arguments and results, as in native mode', async () => {
    const pg = textPlayground([
      call('[{"name": "add", "arguments": {"a": 2, "b": 3}}, {"name": "word_length", "arguments": {"word": "hello"}}]'),
      'I have both. {"name": "final_answer", "arguments": {"answer": "5 and 5"}}',
    ]);
    const { events, end } = await runToEnd(pg);
    expect(end.status).toBe('success');
    expect(end.finalAnswer).toBe('5 and 5');
    expect(ofType(events, 'run_start')[0]!.toolCallFormat).toBe('text');
    const starts = ofType(events, 'tool_call_start');
    expect(starts.map((e) => [e.step, e.name, e.args])).toEqual([
      [1, 'add', { a: 2, b: 3 }],
      [1, 'word_length', { word: 'hello' }],
      [2, 'final_answer', { answer: '5 and 5' }],
    ]);
    expect(ofType(events, 'tool_call_end').map((e) => e.result)).toEqual([5, 5, '5 and 5']);
    const firstModelEnd = ofType(events, 'model_end')[0]!;
    expect(firstModelEnd.toolCalls?.map((c) => c.name)).toEqual(['add', 'word_length']);
    expect(ofType(events, 'observation')[0]!.text).toBe('add: 5\nword_length: 5');
  });

  it('describes the tools with their JSON schema in the system prompt, sends no tools, and shows results as text', async () => {
    const { model, requests } = recordingModel([call('{"name": "add", "arguments": {"a": 1, "b": 2}}'), call('{"name": "final_answer", "arguments": {"answer": 3}}')]);
    const pg = textPlayground([]);
    const { end } = await runToEnd(pg, { model });
    expect(end.finalAnswer).toBe(3);
    const [first, second] = requests;
    expect(first!.tools).toBeUndefined();
    expect(first!.toolCallFormat).toBe('text');
    const system = first!.messages[0]!.content;
    expect(system).toContain('- add: Adds two numbers.');
    expect(system).toContain('"a":{"type":"number","description":"The first number."}');
    expect(system).toContain('- final_answer:');
    expect(system).toContain('{"name": "tool_name", "arguments": {"argument_name": "value"}}');
    // The next turn holds no native tool messages: the answer as text, then the observation.
    expect(second!.messages.some((m) => m.role === 'tool' || ('toolCalls' in m && m.toolCalls))).toBe(false);
    expect(second!.messages.at(-1)).toMatchObject({ role: 'user', content: expect.stringContaining('add: 3') });
  });

  it('turns malformed JSON, a missing name, an unknown tool and no call into errors the model reads, and goes on', async () => {
    const { model, requests } = recordingModel([
      call('{"name": "add", "arguments": {"a": 1 "b": 2}}'),
      call('{"arguments": {"a": 1}}'),
      call('{"name": "teleport", "arguments": {"to": "Mars"}}'),
      'The answer is 3.',
      call('{"name": "final_answer", "arguments": {"answer": 3}}'),
    ]);
    const pg = textPlayground([], { agent: { type: 'tool-calling', maxSteps: 6 } });
    const { events, end } = await runToEnd(pg, { model });
    expect(end.status).toBe('success');
    const errors = ofType(events, 'step_error').map((e) => [e.step, e.error.message]);
    expect(errors[0]).toEqual([1, expect.stringContaining("line 1, column 38: expected ',' or '}'")]);
    expect(errors[1]).toEqual([2, expect.stringContaining('a tool call needs "name"')]);
    expect(errors[2]).toEqual([4, expect.stringContaining('You answered without calling a tool')]);
    const unknown = ofType(events, 'tool_call_end').find((e) => e.step === 3)!;
    expect(unknown.error).toContain("There is no tool named 'teleport'");
    expect(requests[1]!.messages.at(-1)!.content).toContain('line 1, column 38');
    expect(requests[3]!.messages.at(-1)!.content).toContain("There is no tool named 'teleport'");
  });

  it('re-runs from an edited step by reading the calls from the edited text', async () => {
    const pg = textPlayground([call('{"name": "add", "arguments": {"a": 2, "b": 3}}'), call('{"name": "final_answer", "arguments": {"answer": 5}}')]);
    const original = await runToEnd(pg);
    const prefix = forkPrefix(original.events, 1, { text: call('{"name": "add", "arguments": {"a": 20, "b": 22}}') });
    const { model } = recordingModel([call('{"name": "final_answer", "arguments": {"answer": 42}}')]);
    const events: AgentEvent[] = [];
    for await (const e of createAgentFromPlayground(pg, { replayDelayMs: 0, model }).run(pg.task, { fork: prefix })) events.push(e);
    const step1 = ofType(events, 'tool_call_end').filter((e) => e.step === 1);
    expect(step1.map((e) => [e.name, e.result])).toEqual([['add', 42]]);
    expect(ofType(events, 'run_end')[0]!.finalAnswer).toBe(42);
  });
});
