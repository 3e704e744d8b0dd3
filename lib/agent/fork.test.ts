import { describe, expect, it } from 'vitest';
import { parseEditedToolCalls, toolCallsAsJson } from './fork';

describe('edited tool calls', () => {
  it('read back what the dialog shows, with fresh ids', () => {
    const json = toolCallsAsJson([{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }]);
    expect(JSON.parse(json)).toEqual([{ name: 'get_weather', arguments: { city: 'Paris' } }]);
    expect(parseEditedToolCalls(json)).toEqual({ ok: true, toolCalls: [{ id: 'call_edited_1', name: 'get_weather', arguments: { city: 'Paris' } }] });
  });

  it.each([
    ['[{"name": "f", "arguments": {}', /not valid JSON/],
    ['{"name": "f", "arguments": {}}', /must be a JSON array/],
    ['[{"arguments": {}}]', /Tool call 1 needs a "name"/],
    ['[{"name": "f"}]', /Tool call 1 \("f"\) needs "arguments": an object/],
    ['[{"name": "f", "arguments": {}, "args": 1}]', /unknown field "args"/],
    ['[]', /at least one tool call/],
  ])('say what is wrong with %s', (json, message) => {
    const result = parseEditedToolCalls(json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
