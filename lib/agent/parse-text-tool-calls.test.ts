import { describe, expect, it } from 'vitest';
import { parseTextToolCalls } from './parse-text-tool-calls';

const fenced = (json: string, thought = 'Thought: I add them.') => `${thought}\n\`\`\`json\n${json}\n\`\`\``;

describe('parseTextToolCalls', () => {
  it('reads a call from a ```json fenced block after a thought', () => {
    expect(parseTextToolCalls(fenced('{"name": "add", "arguments": {"a": 2, "b": 3}}'))).toEqual({ ok: true, calls: [{ name: 'add', arguments: { a: 2, b: 3 } }] });
  });

  it('reads a good call written as the whole answer', () => {
    expect(parseTextToolCalls('{"name": "final_answer", "arguments": {"answer": "5"}}')).toEqual({ ok: true, calls: [{ name: 'final_answer', arguments: { answer: '5' } }] });
  });

  it('reads a bare call inside prose, braces in its strings included', () => {
    const text = 'I will add. {"name": "echo", "arguments": {"text": "a } and a \\" quote"}} Then I wait.';
    expect(parseTextToolCalls(text)).toEqual({ ok: true, calls: [{ name: 'echo', arguments: { text: 'a } and a " quote' } }] });
  });

  it('reads several calls from an array, and from several fenced blocks, in order', () => {
    const array = fenced('[{"name": "add", "arguments": {"a": 1, "b": 2}}, {"name": "word_length", "arguments": {"word": "hi"}}]');
    expect(parseTextToolCalls(array)).toEqual({ ok: true, calls: [{ name: 'add', arguments: { a: 1, b: 2 } }, { name: 'word_length', arguments: { word: 'hi' } }] });
    const two = `${fenced('{"name": "add", "arguments": {"a": 1, "b": 2}}')}\nand\n${fenced('{"name": "final_answer", "arguments": {"answer": 3}}', '')}`;
    expect(parseTextToolCalls(two)).toEqual({ ok: true, calls: [{ name: 'add', arguments: { a: 1, b: 2 } }, { name: 'final_answer', arguments: { answer: 3 } }] });
  });

  it('takes a call without arguments as one with none', () => {
    expect(parseTextToolCalls('{"name": "now"}')).toEqual({ ok: true, calls: [{ name: 'now', arguments: {} }] });
  });

  it('says where malformed JSON breaks: line, column and what was expected', () => {
    const result = parseTextToolCalls(fenced('{"name": "add",\n "arguments": {"a": 2 "b": 3}}'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('not valid JSON');
    expect(result.message).toContain(`line 2, column 23: expected ',' or '}', but found "\\""`);
    expect(result.message).toContain('{"name": "tool_name", "arguments": {...}}');
  });

  it('says where a truncated call ends, and which block is broken', () => {
    const text = `${fenced('{"name": "add", "arguments": {"a": 1, "b": 2}}')}\n${fenced('{"name": "final_answer", "arguments": {"answer": ', '')}`;
    const result = parseTextToolCalls(text);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('in JSON block 2, line 1, column 49: expected a value') });
  });

  it('refuses a call without a name, or with arguments that are not an object, naming the call', () => {
    expect(parseTextToolCalls('{"arguments": {"a": 1}}')).toMatchObject({ ok: false, message: expect.stringContaining('In the JSON block: a tool call needs "name"') });
    expect(parseTextToolCalls(fenced('[{"name": "add", "arguments": {}}, {"name": "add", "arguments": [1, 2]}]'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('In call 2 of the JSON block: "arguments" must be an object'),
    });
  });

  it('says so when the answer calls no tool at all', () => {
    expect(parseTextToolCalls('The answer is 5.')).toMatchObject({ ok: false, message: expect.stringContaining('You answered without calling a tool') });
    expect(parseTextToolCalls(fenced('[]'))).toMatchObject({ ok: false, message: expect.stringContaining('empty array') });
  });

  it('passes an unknown tool name on: the action answers it as it answers a native call', () => {
    expect(parseTextToolCalls(fenced('{"name": "teleport", "arguments": {"to": "Mars"}}'))).toEqual({ ok: true, calls: [{ name: 'teleport', arguments: { to: 'Mars' } }] });
  });
});
