import { describe, expect, it } from 'vitest';
import { compileTools } from './compile-tools';
import { argumentsToPositional, validateArguments } from './validate-arguments';

const SOURCE = `/**
 * Books a trip.
 * @param city Where to.
 * @param days How long.
 * @param unit Temperature unit.
 * @param tags Labels.
 * @param note A note, or null.
 */
export function book(city: string, days: number, unit: "celsius" | "fahrenheit" = "celsius", tags?: string[], note?: string | null) {}
`;

describe('validateArguments', () => {
  const spec = compileTools(SOURCE).tools[0]!;
  const check = (args: unknown) => validateArguments(spec.inputSchema, args);

  it('accepts good arguments, leaving optional ones out', () => {
    expect(check({ city: 'Oslo', days: 2 })).toEqual([]);
    expect(check({ city: 'Oslo', days: 2, unit: 'fahrenheit', tags: ['a'], note: null })).toEqual([]);
  });

  it('names missing, unknown, mistyped and out-of-enum arguments', () => {
    expect(check({ days: '2', unit: 'kelvin', foo: 1 })).toEqual([
      'missing required argument `city`',
      'argument `days` must be a number; got string',
      'argument `unit` must be one of "celsius", "fahrenheit"; got "kelvin"',
      'unknown argument `foo`',
    ]);
    expect(check({ city: 'x', days: 1, tags: ['a', 2] })).toEqual(['argument `tags[1]` must be a string; got number']);
    expect(check({ city: 'x', days: 1, note: 3 })).toEqual(['argument `note` must be string or null; got 3']);
    expect(check('Oslo')).toEqual(['the arguments must be an object; got string']);
  });

  it('orders named arguments by parameter for the call', () => {
    expect(argumentsToPositional(spec, { days: 3, city: 'Oslo' })).toEqual(['Oslo', 3]);
    expect(argumentsToPositional(spec, { city: 'Oslo', days: 3, tags: ['x'] })).toEqual(['Oslo', 3, undefined, ['x']]);
  });
});

describe('validateArguments on schemas written by hand (MCP servers)', () => {
  it('accepts a type list and names every type allowed', () => {
    const schema = { type: 'object', properties: { note: { type: ['string', 'null'] } } } as const;
    expect(validateArguments(schema as never, { note: null })).toEqual([]);
    expect(validateArguments(schema as never, { note: 3 })).toEqual(['argument `note` must be a string or null; got number']);
  });

  it('checks const, oneOf and allOf', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { const: 'point' },
        at: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'number' } }] },
        size: { allOf: [{ type: 'integer' }] },
      },
    };
    expect(validateArguments(schema as never, { kind: 'point', at: [1, 2], size: 3 })).toEqual([]);
    expect(validateArguments(schema as never, { kind: 'line', at: true, size: 1.5 })).toEqual([
      'argument `kind` must be "point"; got "line"',
      'argument `at` must be string or array; got true',
      'argument `size` must be an integer; got number',
    ]);
  });

  it('does not trip over odd schema shapes or inherited property names', () => {
    const odd = { type: 'object', required: 'city', properties: 5, enum: 'x', items: [1] };
    expect(() => validateArguments(odd as never, { constructor: 1, toString: 'x' })).not.toThrow();
    const schema = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
    expect(validateArguments(schema as never, { constructor: 1 })).toEqual(['unknown argument `constructor`']);
    expect(validateArguments({ type: 'uuid' } as never, 'x')).toEqual([]);
  });
});
