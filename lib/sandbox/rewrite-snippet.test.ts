import { describe, expect, it } from 'vitest';
import { rewriteSnippet, SnippetError } from './rewrite-snippet';

/** Runs rewritten snippets one after another against one shared global object, as a session does. */
async function session(...snippets: string[]): Promise<unknown[]> {
  const scope: Record<string, unknown> = {};
  const results: unknown[] = [];
  for (const s of snippets) {
    const { code } = rewriteSnippet(s);
    const run = new Function('globalThis', `with (globalThis) { return ${code}; }`) as (g: object) => Promise<unknown>;
    results.push(await run(scope));
  }
  return results;
}

function errorOf(source: string) {
  try {
    rewriteSnippet(source);
  } catch (e) {
    if (e instanceof SnippetError) return e.error;
    throw e;
  }
  return undefined;
}

describe('rewriteSnippet', () => {
  it('keeps every line on its line', () => {
    const source = 'const a = 1,\n  b = 2;\nlet { c } = { c: 3 };\nfunction f() {\n  return a;\n}\nclass K {}\na + b';
    const { code } = rewriteSnippet(source);
    expect(code.split('\n').length).toBe(source.split('\n').length + 1);
    expect(code.split('\n')[4]).toBe('  return a;');
  });

  it('lets later snippets use and declare again the names of earlier ones', async () => {
    const results = await session('let x = 1;\nconst y = [x];\nfunction f(n) { return n * 10; }', 'let x = f(2);\nconst y = [...y, x];\ny', 'class K { v = 3 }\nnew K().v + x');
    expect(results).toEqual([undefined, [1, 20], 23]);
  });

  it('handles destructuring, var without value, var in for loops, and uninitialised let', async () => {
    const results = await session(
      'const { a, b: [c, ...rest] } = { a: 1, b: [2, 3, 4] };\nvar kept = "k";',
      'var kept;\nlet empty;\nfor (var i = 0; i < 3; i++) {}\nfor (var key in { p: 1 }) {}\n[a, c, rest, kept, empty, i, key]',
    );
    expect(results[1]).toEqual([1, 2, [3, 4], 'k', undefined, 3, 'p']);
  });

  it('keeps declarations inside functions and blocks local', async () => {
    const results = await session('function g() { let inner = 1; var local = 2; return inner + local; }\n{ let blockOnly = 5; }\ng()', 'typeof inner + typeof local + typeof blockOnly');
    expect(results).toEqual([3, 'undefinedundefinedundefined']);
  });

  it('is safe against a next line starting with a parenthesis', async () => {
    const results = await session('let v = 1\n;(v = v + 1)\nv');
    expect(results).toEqual([2]);
  });

  it('returns the last expression, parenthesized or awaited, and nothing for other statements', async () => {
    expect(await session('({ a: 1 })', 'await Promise.resolve(7);', 'let z = 1;', 'if (true) { 5 }')).toEqual([{ a: 1 }, 7, undefined, undefined]);
  });

  it('reports syntax errors with their line, and imports as unavailable', () => {
    expect(errorOf('let a = 1;\nlet b = ;')).toEqual({ type: 'SyntaxError', message: 'Unexpected token', line: 2 });
    expect(errorOf('\nimport fs from "fs";')).toMatchObject({ type: 'ImportError', line: 2, message: expect.stringMatching(/imports are not available/) });
    expect(errorOf('const m = await import("fs");')).toMatchObject({ type: 'ImportError', line: 1 });
    expect(errorOf('export const a = 1;')).toMatchObject({ type: 'ImportError' });
  });
});
