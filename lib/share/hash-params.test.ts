import { describe, expect, it } from 'vitest';
import { readHash, stepHash } from './hash-params';

describe('the address hash', () => {
  it('reads the share part and the step in either order, with or without #', () => {
    expect(readHash('#share=1.abc_-&step=3')).toEqual({ share: '1.abc_-', step: 3 });
    expect(readHash('step=12&share=1.xyz')).toEqual({ share: '1.xyz', step: 12 });
    expect(readHash('#step=4')).toEqual({ step: 4 });
    expect(readHash('#share=1.abc')).toEqual({ share: '1.abc' });
    expect(readHash('')).toEqual({});
    expect(readHash('#section-2')).toEqual({});
  });

  it('a step that is no step number says so, and the share part still reads', () => {
    for (const bad of ['0', '-1', 'x', '', '1.5', '9999999', '3%20or%201']) {
      const parts = readHash(`#share=1.abc&step=${bad}`);
      expect(parts.share).toBe('1.abc');
      expect(parts.step).toBeUndefined();
      expect(parts.stepProblem).toMatch(/is not a step number/);
    }
    expect(readHash(`#step=${'9'.repeat(40)}`).stepProblem).toBe('The link names step “99999999999999999999…”, which is not a step number (steps are counted from 1).');
  });

  it('the first of repeated parts counts', () => {
    expect(readHash('#step=2&step=5&share=1.a&share=1.b')).toEqual({ step: 2, share: '1.a' });
  });

  it('writes a step part', () => {
    expect(stepHash(7)).toBe('step=7');
  });
});
