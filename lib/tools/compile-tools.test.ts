import { describe, expect, it } from 'vitest';
import { compileTools } from './compile-tools';

const doc = (params: string[], text = 'Does something.') => `/**\n * ${text}\n${params.map((p) => ` * @param ${p} About ${p}.`).join('\n')}\n */\n`;

function schemaOf(paramSource: string, extra = '') {
  const source = `${extra}${doc(['x'])}export function t(${paramSource}) {}\n`;
  const compiled = compileTools(source);
  expect(compiled.errors).toEqual([]);
  const { description: _d, ...schema } = compiled.tools[0]!.inputSchema.properties!.x!;
  return { schema, param: compiled.tools[0]!.parameters[0]!, inputSchema: compiled.tools[0]!.inputSchema };
}

describe('compileTools: tools and their descriptions', () => {
  it('turns each exported, documented function into a tool; helpers stay hidden but callable', () => {
    const source = `/**
 * Gets the weather.
 * It is always sunny.
 * @param city The city name.
 * @returns A short report.
 */
export async function get_weather(city: string): Promise<string> {
  return report(city);
}

function report(city: string) {
  return city + ": sunny";
}

/** Doubles. @param n The number. */
export const double = (n: number): number => n * 2;
`;
    const c = compileTools(source);
    expect(c.errors).toEqual([]);
    expect(c.tools.map((t) => t.name)).toEqual(['get_weather', 'double']);
    expect(c.functionNames).toEqual(['get_weather', 'report', 'double']);
    const weather = c.tools[0]!;
    expect(weather).toMatchObject({
      description: 'Gets the weather.\nIt is always sunny.',
      async: true,
      returns: { typeText: 'string', description: 'A short report.' },
      line: 7,
    });
    expect(weather.parameters).toEqual([{ name: 'city', description: 'The city name.', typeText: 'string', schema: { type: 'string', description: 'The city name.' }, optional: false }]);
    expect(c.tools[1]).toMatchObject({ description: 'Doubles.', async: false, returns: { typeText: 'number' } });

    const exports: Record<string, (...a: unknown[]) => unknown> = {};
    new Function('exports', 'fetch', c.js)(exports, undefined);
    expect(Object.keys(exports).sort()).toEqual(['double', 'get_weather']);
    expect(exports.double!(21)).toBe(42);
    return expect(exports.get_weather!('Oslo')).resolves.toBe('Oslo: sunny');
  });

  it('compiles to plain JavaScript with no import, export or require', () => {
    const c = compileTools(`${doc(['a'])}export function f(a: number): number { return a as number; }\n`);
    expect(c.js).not.toMatch(/\bimport\b|\bexport\b|require\(/);
    expect(c.js).not.toMatch(/: number/);
  });
});

describe('compileTools: types to JSON Schema', () => {
  it('maps primitives and arrays', () => {
    expect(schemaOf('x: string').schema).toEqual({ type: 'string' });
    expect(schemaOf('x: number').schema).toEqual({ type: 'number' });
    expect(schemaOf('x: boolean').schema).toEqual({ type: 'boolean' });
    expect(schemaOf('x: string[]').schema).toEqual({ type: 'array', items: { type: 'string' } });
    expect(schemaOf('x: Array<number>').schema).toEqual({ type: 'array', items: { type: 'number' } });
    expect(schemaOf('x: readonly boolean[]').schema).toEqual({ type: 'array', items: { type: 'boolean' } });
  });

  it('maps string-literal unions to enums and `| null` to anyOf with null', () => {
    expect(schemaOf('x: "c" | "f"').schema).toEqual({ type: 'string', enum: ['c', 'f'] });
    expect(schemaOf('x: 1 | 2 | 3').schema).toEqual({ type: 'number', enum: [1, 2, 3] });
    expect(schemaOf('x: string | null').schema).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(schemaOf('x: "a" | "b" | null').schema).toEqual({ anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] });
    expect(schemaOf('x: string | number').schema).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
  });

  it('maps object types and interfaces declared in the source, with property docs and optional properties', () => {
    const iface = `interface Point {\n  /** Across. */\n  x: number;\n  y?: number;\n}\n`;
    expect(schemaOf('x: Point', iface).schema).toEqual({
      type: 'object',
      properties: { x: { type: 'number', description: 'Across.' }, y: { type: 'number' } },
      required: ['x'],
      additionalProperties: false,
    });
    expect(schemaOf('x: { a: string; b?: boolean }').schema).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'boolean' } },
      required: ['a'],
      additionalProperties: false,
    });
    expect(schemaOf('x: Record<string, number>').schema).toEqual({ type: 'object', additionalProperties: { type: 'number' } });
    const alias = `type Unit = "celsius" | "fahrenheit";\ninterface Base { id: string }\ninterface Item extends Base { unit: Unit }\n`;
    expect(schemaOf('x: Item', alias).schema).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['id', 'unit'],
      additionalProperties: false,
    });
  });

  it('treats optional, `| undefined` and defaulted parameters as optional and records defaults', () => {
    const optional = schemaOf('x?: string');
    expect(optional.param.optional).toBe(true);
    expect(optional.inputSchema.required).toBeUndefined();
    expect(schemaOf('x: string | undefined').param.optional).toBe(true);
    const defaulted = schemaOf('x: number = 5');
    expect(defaulted.param).toMatchObject({ optional: true, default: 5 });
    expect(defaulted.schema).toEqual({ type: 'number', default: 5 });
    const inferred = schemaOf('x = "celsius"');
    expect(inferred.param).toMatchObject({ typeText: 'string', default: 'celsius' });
    expect(inferred.schema).toEqual({ type: 'string', default: 'celsius' });
  });

  it('accepts unknown as any JSON value and shows the types a tool refers to', () => {
    expect(schemaOf('x: unknown').schema).toEqual({});
    const c = compileTools(`interface Hidden { a: number }\n/** A thing. */\ninterface Shown { b: string }\n${doc(['x'])}export function t(x: string): Promise<Shown> { return null as never; }\n`);
    expect(c.types.map((t) => t.name)).toEqual(['Shown']);
    expect(c.types[0]!.text).toBe('/** A thing. */\ninterface Shown { b: string }');
  });
});

describe('compileTools: errors placed for the editor', () => {
  const errorsOf = (source: string) => compileTools(source).errors;

  it('reports a syntax error at its line and column', () => {
    expect(errorsOf('const a = 1;\nexport function (x: number) {}\nconst = 3;')).toContainEqual(expect.objectContaining({ line: 3 }));
  });

  it('reports a missing JSDoc, an empty description, undocumented and unknown @params', () => {
    expect(errorsOf('\nexport function f(a: string) {}')).toEqual([
      { message: expect.stringMatching(/`f` needs a JSDoc comment/), line: 2, column: 17 },
    ]);
    expect(errorsOf('/** @param a A. */\nexport function f(a: string) {}')[0]!.message).toMatch(/has no description/);
    const undocumented = errorsOf(`/**\n * F.\n * @param a A.\n */\nexport function f(a: string, b: number) {}`);
    expect(undocumented).toEqual([{ message: expect.stringMatching(/parameter `b` of `f` needs an `@param b …`/), line: 5, column: 30 }]);
    expect(errorsOf(`/**\n * F.\n * @param z Zed.\n */\nexport function f() {}`)[0]).toMatchObject({ message: expect.stringMatching(/`@param z` names no parameter/), line: 3 });
  });

  it('reports unsupported types, naming the parameter and the type', () => {
    const [e] = errorsOf(`${doc(['when'])}export function f(when: Date) {}`);
    expect(e!.message).toMatch(/parameter `when`: type `Date` is not supported; use string, number/);
    expect(e).toMatchObject({ line: 5, column: 25 });
    expect(errorsOf(`${doc(['x'])}export function f(x: any) {}`)[0]!.message).toMatch(/use `unknown`/);
    expect(errorsOf(`${doc(['x'])}export function f(x) {}`)[0]!.message).toMatch(/needs a type annotation/);
    expect(errorsOf(`type N = { next: N };\n${doc(['x'])}export function f(x: N) {}`)[0]!.message).toMatch(/recursive types/);
  });

  it('reports duplicate, invalid and reserved names', () => {
    const dup = errorsOf(`${doc(['a'])}export function f(a: string) {}\n${doc(['a'])}export const f2 = 1;\n${doc([])}export const f = () => 1;`);
    expect(dup.map((e) => e.message)).toEqual([expect.stringMatching(/only functions can be exported/), expect.stringMatching(/already a tool named `f`/)]);
    expect(errorsOf(`${doc(['answer'])}export function final_answer(answer: string) {}`)[0]!.message).toMatch(/`final_answer` is built in/);
  });

  it('reports imports, default exports, destructured and rest parameters', () => {
    expect(errorsOf('import fs from "fs";')[0]!.message).toMatch(/imports are not available/);
    expect(errorsOf(`${doc([])}export default function f() {}`)[0]!.message).toMatch(/default exports are not tools/);
    expect(errorsOf(`${doc([])}export function f({ a }: { a: string }) {}`)[0]!.message).toMatch(/destructured parameters/);
    expect(errorsOf(`${doc(['xs'])}export function f(...xs: number[]) {}`)[0]!.message).toMatch(/rest parameters/);
  });

  it('collects every error at once, in source order', () => {
    const errors = errorsOf(`export function a(x: string) {}\n${doc(['y'])}export function b(y: Date) {}\nimport x from "y";`);
    expect(errors.map((e) => e.line)).toEqual([1, 6, 7]);
  });

  it('handles a large source of many tools (its speed is in npm run bench)', () => {
    const many = Array.from({ length: 40 }, (_, i) => `${doc(['a', 'b'])}export function tool_${i}(a: string, b: number = 2): Promise<string[]> { return Promise.resolve([a]); }`).join('\n');
    const c = compileTools(many);
    expect(c.errors).toEqual([]);
    expect(c.tools).toHaveLength(40);
    expect(c.tools[39]!.parameters[1]).toMatchObject({ name: 'b', optional: true, default: 2 });
  });
});
