import { describe, expect, it } from 'vitest';
import { finalAnswerCheckRows, setFinalAnswerCheck } from './final-answer-checks-edit';

const FUNCTIONS = ['get_forecast', 'convert_temperature', 'is_plausible'];

describe('final-answer checks in the Agent settings', () => {
  it('lists every function of the tools source, ticked when it checks the final answer', () => {
    expect(finalAnswerCheckRows(FUNCTIONS, ['is_plausible'])).toEqual([
      { name: 'get_forecast', checked: false, missing: false },
      { name: 'convert_temperature', checked: false, missing: false },
      { name: 'is_plausible', checked: true, missing: false },
    ]);
  });

  it('keeps a check whose function is gone from the source, marked missing, after the functions', () => {
    expect(finalAnswerCheckRows(['get_forecast'], ['was_renamed', 'get_forecast'])).toEqual([
      { name: 'get_forecast', checked: true, missing: false },
      { name: 'was_renamed', checked: true, missing: true },
    ]);
  });

  it('ticking adds the check where the source order puts it, and leaves the order of the others as it was', () => {
    expect(setFinalAnswerCheck([], FUNCTIONS, 'convert_temperature', true)).toEqual(['convert_temperature']);
    expect(setFinalAnswerCheck(['is_plausible'], FUNCTIONS, 'get_forecast', true)).toEqual(['get_forecast', 'is_plausible']);
    // An order set by hand in the JSON (is_plausible first) is kept; the new one goes before the first check that
    // follows it in the source.
    expect(setFinalAnswerCheck(['is_plausible', 'get_forecast'], FUNCTIONS, 'convert_temperature', true)).toEqual(['convert_temperature', 'is_plausible', 'get_forecast']);
    expect(setFinalAnswerCheck(['get_forecast', 'gone'], FUNCTIONS, 'is_plausible', true)).toEqual(['get_forecast', 'gone', 'is_plausible']);
    expect(setFinalAnswerCheck(['is_plausible'], FUNCTIONS, 'is_plausible', true)).toEqual(['is_plausible']);
  });

  it('unticking, or Remove on a missing one, takes only that check out', () => {
    expect(setFinalAnswerCheck(['get_forecast', 'gone', 'is_plausible'], FUNCTIONS, 'gone', false)).toEqual(['get_forecast', 'is_plausible']);
    expect(setFinalAnswerCheck(['get_forecast', 'is_plausible'], FUNCTIONS, 'get_forecast', false)).toEqual(['is_plausible']);
  });
});
