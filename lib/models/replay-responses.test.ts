import { describe, expect, it } from 'vitest';
import { describeRecorded, guessRecordedType, responsesFor } from './replay-responses';

describe('replay responses', () => {
  it('a single list is played whatever the agent type; a keyed one per type, empty for a type it lacks', () => {
    expect(responsesFor(['a'], 'tool-calling')).toEqual(['a']);
    expect(responsesFor({ code: ['a'] }, 'code')).toEqual(['a']);
    expect(responsesFor({ code: ['a'] }, 'tool-calling')).toEqual([]);
  });

  it('tells what a single list looks recorded for only when it can', () => {
    expect(guessRecordedType(['Thought\n```js\nx\n```'])).toBe('code');
    expect(guessRecordedType(['plan', { toolCalls: [{ name: 'add', arguments: {} }] }])).toBe('tool-calling');
    expect(guessRecordedType(['just words'])).toBeUndefined();
  });

  it('counts them as the settings show it', () => {
    expect(describeRecorded(['a', 'b'])).toBe('2 recorded responses');
    expect(describeRecorded({ code: ['a'], 'tool-calling': ['a', 'b', 'c'] })).toBe('1 recorded response for the CodeAgent and 3 for the ToolCallingAgent');
    expect(describeRecorded({})).toBe('0 recorded responses');
  });
});
