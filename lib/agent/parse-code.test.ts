import { describe, expect, it } from 'vitest';
import { CodeParseError, parseCode } from './parse-code';

describe('parseCode', () => {
  it('takes the thought and the code of a ```js block', () => {
    const p = parseCode('Thought: add them.\n```js\nconst x = 1 + 2;\nconsole.log(x);\n```\n');
    expect(p.thought).toBe('Thought: add them.');
    expect(p.code).toBe('const x = 1 + 2;\nconsole.log(x);');
    expect(p.language).toBe('js');
    expect(p.unclosed).toBe(false);
  });

  it('accepts ```javascript and ```ts fences and tells TypeScript apart', () => {
    expect(parseCode('```javascript\nfoo()\n```').code).toBe('foo()');
    const ts = parseCode('```ts\nconst n: number = 1\n```');
    expect(ts.language).toBe('ts');
    expect(ts.code).toBe('const n: number = 1');
  });

  it('joins several blocks in order', () => {
    const p = parseCode('First:\n```js\na = 1\n```\nthen\n```js\nb = 2\n```');
    expect(p.code).toBe('a = 1\n\nb = 2');
    expect(p.blocks).toBe(2);
  });

  it('runs a block whose closing fence is missing to the end of the answer', () => {
    const p = parseCode('Thought: go\n```js\nfinal_answer(42)\n');
    expect(p.code).toBe('final_answer(42)');
    expect(p.unclosed).toBe(true);
  });

  it('uses an untagged fence when there is no tagged one, but prefers tagged blocks', () => {
    expect(parseCode('```\nx()\n```').code).toBe('x()');
    expect(parseCode('```\nnot this\n```\n```js\nthis()\n```').code).toBe('this()');
  });

  it('explains the expected format when there is no code block', () => {
    expect(() => parseCode('I think the answer is 4.')).toThrow(CodeParseError);
    expect(() => parseCode('I think the answer is 4.')).toThrow(/no code block[\s\S]*```js[\s\S]*final_answer/);
  });

  it('says that only JavaScript runs when the model writes another language', () => {
    expect(() => parseCode('```python\nprint(1)\n```')).toThrow(/```python block, but only JavaScript runs here/);
  });

  it('reads smolagents’ <code> blocks, also without the closing tag (its stop sequence) and with a fence inside', () => {
    expect(parseCode('Thought: add them.\n<code>\nconst x = add(1, 2);\nconsole.log(x);\n</code>')).toEqual({
      thought: 'Thought: add them.',
      code: 'const x = add(1, 2);\nconsole.log(x);',
      language: 'js',
      blocks: 1,
      unclosed: false,
    });
    expect(parseCode('Thought: done.\n<code>\nfinal_answer(3)\n')).toMatchObject({ code: 'final_answer(3)', unclosed: true });
    expect(parseCode('<code>\n```ts\nconst n: number = 1;\n```\n</code>')).toMatchObject({ code: 'const n: number = 1;', language: 'ts' });
    expect(() => parseCode('<code>\n```python\nprint(1)\n```\n</code>')).toThrow(/```python block, but only JavaScript runs here/);
    // A fenced block that mentions <code> in a string is still a fenced block.
    expect(parseCode('```js\nconsole.log("<code>x</code>")\n```').code).toBe('console.log("<code>x</code>")');
  });
});
