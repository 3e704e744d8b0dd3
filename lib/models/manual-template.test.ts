import { describe, expect, it } from 'vitest';
import { answerTemplate, parseManualToolCalls } from './manual-template';
import type { ModelRequest, ModelTool } from './types';

const weather: ModelTool = {
  name: 'get_weather',
  description: 'Weather.',
  parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city', 'days'] },
};
const finalAnswer: ModelTool = { name: 'final_answer', description: 'Ends.', parameters: { type: 'object', properties: { answer: {} }, required: ['answer'] } };
const request = (over: Partial<ModelRequest>): ModelRequest => ({ messages: [], purpose: 'action', agent: 'main', ...over });

describe('answerTemplate', () => {
  it('gives a CodeAgent turn a thought and an empty js block', () => {
    const t = answerTemplate(request({}));
    expect(t.kind === 'text' && t.text).toBe('Thought: \n```js\n\n```');
  });

  it('gives a tool-calling turn a call of the first real tool with typed placeholders', () => {
    const t = answerTemplate(request({ tools: [finalAnswer, weather] }));
    expect(t.kind === 'tool-calls' && JSON.parse(t.calls)).toEqual([{ name: 'get_weather', arguments: { city: '', days: 0 } }]);
  });

  it('gives a text-format tool-calling turn a thought and a json block to fill in, pointing at the tools in the system prompt', () => {
    const t = answerTemplate(request({ toolCallFormat: 'text' }));
    expect(t.kind).toBe('text');
    expect(t.kind === 'text' && t.text).toBe('Thought: \n```json\n{"name": "", "arguments": {}}\n```');
    expect(t.hint).toContain('the system prompt above lists the tools');
  });

  it('asks for a plan on planning turns and plain text on the last turn', () => {
    const plan = answerTemplate(request({ purpose: 'planning' }));
    expect(plan.kind === 'text' && plan.text).toContain('<end_plan>');
    expect(answerTemplate(request({ purpose: 'final' })).hint).toMatch(/plain text/);
  });
});

describe('parseManualToolCalls', () => {
  const tools = [weather, finalAnswer];

  it('accepts one call or an array of calls and gives each an id', () => {
    const one = parseManualToolCalls('{"name": "final_answer", "arguments": {"answer": 4}}', tools);
    expect(one.ok && one.calls).toEqual([{ id: expect.any(String), name: 'final_answer', arguments: { answer: 4 } }]);
    const two = parseManualToolCalls('[{"name": "get_weather", "arguments": {"city": "Oslo", "days": 1}}, {"name": "get_weather"}]', tools);
    expect(two.ok && two.calls.map((c) => c.arguments)).toEqual([{ city: 'Oslo', days: 1 }, {}]);
  });

  it.each([
    ['[{"name": "get_weather",', /not valid JSON/],
    ['[{"arguments": {}}]', /In call 1 \(name\)/],
    ['[]', /at least one tool call/],
    ['[{"name": "get_wether"}]', /no tool named 'get_wether'. Tools: get_weather, final_answer/],
  ])('explains what is wrong with %s', (text, message) => {
    const result = parseManualToolCalls(text, tools);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
