import { describe, expect, it } from 'vitest';
import { previewOf, thoughtOf } from './step-text';

describe('thoughtOf', () => {
  it('takes the text before the code block, without the Thought: label', () => {
    expect(thoughtOf({ kind: 'action', code: 'x', modelOutput: 'Thought: I will **add**.\n```js\nx\n```' })).toBe('I will **add**.');
  });
  it('keeps a plan without its end marker, and a final answer whole', () => {
    expect(thoughtOf({ kind: 'planning', modelOutput: '1. Look.\n<end_plan>\n' })).toBe('1. Look.');
    expect(thoughtOf({ kind: 'final', modelOutput: 'Paris.' })).toBe('Paris.');
  });
});

describe('previewOf', () => {
  it('leaves short output whole', () => {
    expect(previewOf('a\nb')).toEqual({ preview: 'a\nb', cut: false });
  });
  it('cuts by lines and by characters', () => {
    expect(previewOf(Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n'), 10_000, 5).preview.split('\n')).toHaveLength(5);
    expect(previewOf('x'.repeat(5_000), 100)).toEqual({ preview: 'x'.repeat(100), cut: true });
  });
});
