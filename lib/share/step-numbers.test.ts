import { describe, expect, it } from 'vitest';
import { chooseStep, missingStepProblem } from './step-numbers';

describe('naming a step of a run', () => {
  it('a step of the run is fine; one to come is fine while the run goes on', () => {
    expect(missingStepProblem(2, [1, 2, 3], false)).toBeUndefined();
    expect(missingStepProblem(5, [1, 2], true)).toBeUndefined();
  });

  it('says which steps the run has, or that no run is on screen', () => {
    expect(missingStepProblem(9, [1, 2, 3, 4], false)).toBe('This run has no step 9: its steps are 1 to 4.');
    expect(missingStepProblem(2, [1], false)).toBe('This run has no step 2: its only step is 1.');
    expect(missingStepProblem(3, [], false)).toMatch(/^Step 3 was asked for, but no run is on screen\./);
  });

  it('reads a typed step: empty is none, a number of the run is it, anything else says why', () => {
    expect(chooseStep('  ', [1, 2])).toEqual({});
    expect(chooseStep(' 2 ', [1, 2])).toEqual({ step: 2 });
    expect(chooseStep('two', [1, 2])).toEqual({ problem: 'A step is a whole number, such as 3.' });
    expect(chooseStep('7', [1, 2])).toEqual({ problem: 'This run has no step 7: its steps are 1 to 2.' });
    expect(chooseStep('1', [])).toEqual({ problem: 'This run has no steps yet.' });
  });
});
