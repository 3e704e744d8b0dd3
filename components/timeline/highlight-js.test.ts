import { describe, expect, it } from 'vitest';
import { highlightJs } from './highlight-js';

const text = (lines: ReturnType<typeof highlightJs>) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');

describe('highlightJs', () => {
  it('classes keywords, strings, numbers and comments, keeping every character', () => {
    const code = 'const x = await get("a", 42); // note\n/* block\n comment */ final_answer(`t ${x}`);';
    const lines = highlightJs(code);
    expect(text(lines)).toBe(code);
    expect(lines).toHaveLength(3);
    const classes = Object.fromEntries(lines.flat().map((s) => [s.text, s.cls]));
    expect(classes).toMatchObject({ const: 'keyword', await: 'keyword', '"a"': 'string', '42': 'number', '// note': 'comment', get: 'name' });
    expect(lines[1]![0]).toEqual({ text: '/* block', cls: 'comment' });
  });

  it('shows code that does not tokenize as plain text from the error on', () => {
    const code = 'let a = 1;\nlet s = "unterminated';
    const lines = highlightJs(code);
    expect(text(lines)).toBe(code);
    expect(lines[1]!.at(-1)!.cls).toBe('plain');
  });
});
