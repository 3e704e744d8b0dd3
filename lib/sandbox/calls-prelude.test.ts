// The sandbox's check of calls from code gives the same answers as the host's check of a JSON tool call.
import { describe, expect, it } from 'vitest';
import { validateArguments } from '../tools/validate-arguments';
import type { JsonSchema } from '../tools/types';
import { CALLS_PRELUDE } from './calls-prelude';

interface Calls {
  setSignatures(s: unknown): void;
  prepare(name: string, args: unknown[]): { args: unknown[]; problems: string[] };
  message(name: string, problems: string[]): string;
}
const C = new Function(`${CALLS_PRELUDE}\nreturn C;`)() as Calls;

const SCHEMAS: [string, JsonSchema, unknown[]][] = [
  ['string', { type: 'string' }, ['a', 1, null, [], {}]],
  ['integer', { type: 'integer' }, [1, 1.5, '1']],
  ['number or null', { type: ['number', 'null'] }, [1, null, 'x', Number.NaN]],
  ['enum', { type: 'string', enum: ['celsius', 'fahrenheit'] }, ['celsius', 'kelvin']],
  ['union of literals', { anyOf: [{ const: 'a' }, { type: 'number' }] }, ['a', 2, 'b']],
  ['array of numbers', { type: 'array', items: { type: 'number' } }, [[1, 2], [1, 'x'], 'x']],
  [
    'object',
    { type: 'object', properties: { text: { type: 'string' }, n: { type: 'number' } }, required: ['text'], additionalProperties: false },
    [{ text: 'a' }, { n: 1 }, { text: 'a', extra: 1 }, { text: 2, n: 'x' }],
  ],
];

describe('checks of calls from code', () => {
  for (const [name, schema, values] of SCHEMAS) {
    it(`agrees with the JSON tool call check: ${name}`, () => {
      C.setSignatures({ t: { signature: 't(x: …)', params: [{ name: 'x', schema, optional: false }], async: false } });
      for (const value of values) {
        // A plain object for a parameter that does not take one would be read as named arguments: wrap the rest.
        const host = validateArguments({ type: 'object', properties: { x: schema }, required: ['x'], additionalProperties: false }, { x: value });
        expect(C.prepare('t', [value]).problems, JSON.stringify(value)).toEqual(host);
      }
    });
  }

  it('maps named arguments only when the first parameter takes no object, and says which keys are unknown', () => {
    C.setSignatures({
      f: { signature: 'f(city: string, days?: number)', params: [{ name: 'city', schema: { type: 'string' }, optional: false }, { name: 'days', schema: { type: 'number' }, optional: true }], async: false },
      g: { signature: 'g(options: { city: string })', params: [{ name: 'options', schema: { type: 'object', properties: { city: { type: 'string' } } }, optional: false }], async: false },
    });
    expect(C.prepare('f', [{ days: 2, city: 'Oslo' }])).toEqual({ args: ['Oslo', 2], problems: [] });
    expect(C.prepare('f', [{ city: 'Oslo', when: 'now' }]).problems).toEqual(['unknown argument `when`']);
    expect(C.prepare('f', [{ town: 'Oslo' }]).problems).toEqual(['argument `city` must be a string; got object']);
    expect(C.prepare('g', [{ city: 'Oslo' }])).toEqual({ args: [{ city: 'Oslo' }], problems: [] });
    expect(C.prepare('unknown_tool', [{ a: 1 }])).toEqual({ args: [{ a: 1 }], problems: [] });
    expect(C.message('f', ['missing required argument `city`'])).toBe('f: missing required argument `city`. Its signature: f(city: string, days?: number)');
  });
});
