import { describe, expect, it } from 'vitest';
import { checkJsonText, describeLimitProblem, measureJson, parseJsonWithinLimits, STRUCTURAL_LIMITS, utf8Length } from './structural-limits';

const LINK = { subject: 'This link’s playground', plural: 'links' };
const small = { maxDepth: 3, maxArrayLength: 4, maxJsonBytes: 100 };

describe('structural limits', () => {
  it('measures depth and the longest list without being fooled by brackets and commas in strings', () => {
    expect(measureJson('{"a":[1,2,{"b":[[]]}],"c":"[[[[,,,,"}')).toEqual({ maxDepth: 5, longestArray: 3 });
    expect(measureJson('[]')).toEqual({ maxDepth: 1, longestArray: 0 });
    expect(measureJson('[ 1 ]')).toEqual({ maxDepth: 1, longestArray: 1 });
    expect(measureJson('{"x":"\\"[[[","y":[1,2]}')).toEqual({ maxDepth: 2, longestArray: 2 });
    expect(measureJson('{"a":1,"b":2,"c":3}').longestArray).toBe(0);
  });

  it('refuses 200,000 levels of nesting without overflowing the stack, naming the depth and the limit', () => {
    const text = `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(checkJsonText(text)).toEqual({ limit: 'depth', depth: 200_001, max: 64 });
    const parsed = parseJsonWithinLimits(text, LINK);
    expect(parsed).toMatchObject({ ok: false, message: 'This link’s playground nests 200,001 levels deep; links may nest at most 64.' });
  });

  it('allows exactly the limits and refuses one more', () => {
    expect(checkJsonText('[[[1]]]', small)).toBeUndefined();
    expect(checkJsonText('[[[[1]]]]', small)).toMatchObject({ limit: 'depth', depth: 4 });
    expect(checkJsonText('[1,2,3,4]', small)).toBeUndefined();
    expect(checkJsonText('[1,2,3,4,5]', small)).toEqual({ limit: 'array', length: 5, max: 4 });
    expect(checkJsonText(`"${'x'.repeat(98)}"`, small)).toBeUndefined();
    expect(checkJsonText(`"${'x'.repeat(99)}"`, small)).toEqual({ limit: 'size', bytes: 101, max: 100 });
  });

  it('counts the size in UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(checkJsonText(`"${'é'.repeat(50)}"`, small)).toMatchObject({ limit: 'size', bytes: 102 });
  });

  it('refuses a list longer than 10,000 items, in the default limits', () => {
    const text = JSON.stringify({ responses: Array.from({ length: STRUCTURAL_LIMITS.maxArrayLength + 1 }, () => 0) });
    const parsed = parseJsonWithinLimits(text, LINK);
    expect(parsed).toMatchObject({ ok: false, message: 'This link’s playground has a list of 10,001 items; links may hold at most 10,000 items in a list.' });
    expect(parseJsonWithinLimits(JSON.stringify({ responses: Array.from({ length: 10_000 }, () => 0) }), LINK).ok).toBe(true);
  });

  it('names the size limit in megabytes', () => {
    expect(describeLimitProblem({ limit: 'size', bytes: 5_500_000, max: STRUCTURAL_LIMITS.maxJsonBytes }, { subject: 'It', plural: 'files' })).toBe(
      'It is more than 2 MB of data; files may hold at most 2 MB.',
    );
  });

  it('parses JSON within the limits, and reports broken JSON as such', () => {
    expect(parseJsonWithinLimits('{"a":[1,{"b":2}]}', LINK)).toEqual({ ok: true, json: { a: [1, { b: 2 }] } });
    expect(parseJsonWithinLimits('{"a":', LINK)).toMatchObject({ ok: false, message: expect.stringMatching(/^it is not valid JSON/) });
  });
});
