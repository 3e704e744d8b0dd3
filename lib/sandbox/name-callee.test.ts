import { describe, expect, it } from 'vitest';
import { calleeAt, nameCallee } from './name-callee';

const known = ['get_forecast', 'final_answer'];
const frame = (line: number, column: number) => `    at <eval> (snippet.js:${line}:${column})\n`;

describe('nameCallee', () => {
  it('names the callee of QuickJS’s bare "not a function" from the code at the error’s line and column', () => {
    const code = 'const w = {};\nconsole.log(1, w.get_forcast(2));';
    // QuickJS points at the call's "(": line 2, column 29.
    expect(nameCallee({ type: 'TypeError', message: 'not a function', stack: frame(2, 29) }, code, known)).toBe('w.get_forcast is not a function (did you mean get_forecast?)');
    expect(nameCallee({ type: 'TypeError', message: 'not a function', stack: frame(1, 1) }, 'f = 3; f()', known)).toBe('not a function');
    expect(nameCallee({ type: 'TypeError', message: 'not a function', stack: frame(1, 9) }, 'f = 3; f()', known)).toBe('f is not a function');
  });

  it('leaves the message alone when the innermost frame is not the snippet (a tool’s own bug)', () => {
    const stack = '    at get_forecast (tools.js:4:12)\n    at <eval> (snippet.js:1:13)\n';
    expect(nameCallee({ type: 'TypeError', message: 'not a function', stack }, 'get_forecast("x")', known)).toBe('not a function');
  });

  it('suggests a close tool for names V8 and QuickJS put in the message', () => {
    expect(nameCallee({ type: 'ReferenceError', message: "'get_forcast' is not defined", stack: '' }, '', known)).toBe("'get_forcast' is not defined (did you mean get_forecast?)");
    expect(nameCallee({ type: 'ReferenceError', message: 'Get_Forecast is not defined', stack: '' }, '', known)).toBe('Get_Forecast is not defined (did you mean get_forecast?)');
    expect(nameCallee({ type: 'TypeError', message: 'x.final_answr is not a function', stack: '' }, '', known)).toBe('x.final_answr is not a function (did you mean final_answer?)');
    expect(nameCallee({ type: 'TypeError', message: 'tools.get_forecast is not a function', stack: '' }, '', known)).toMatch(/did you mean get_forecast\(…\)\? Tools are called by their name alone/);
    expect(nameCallee({ type: 'ReferenceError', message: 'nothing_like_it is not defined', stack: '' }, '', known)).toBe('nothing_like_it is not defined');
    expect(nameCallee({ type: 'TypeError', message: "cannot read property 'c' of undefined", stack: '' }, '', known)).toBe("cannot read property 'c' of undefined");
  });
});

describe('calleeAt', () => {
  it('finds the innermost call whose callee ends at the position, never one whose arguments hold it', () => {
    const code = 'outer(inner(1), 2)';
    expect(calleeAt(code, { line: 1, column: 12 })).toEqual({ text: 'inner', name: 'inner' });
    expect(calleeAt(code, { line: 1, column: 6 })).toEqual({ text: 'outer', name: 'outer' });
    expect(calleeAt(code, { line: 1, column: 17 })).toBeUndefined();
    expect(calleeAt('(function () {})()', { line: 1, column: 17 })).toEqual({ text: 'the called value' });
    expect(calleeAt('a.b(1).c (2)', { line: 1, column: 10 })).toEqual({ text: 'a.b(1).c', name: 'c' });
  });
});
