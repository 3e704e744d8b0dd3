import { describe, expect, it } from 'vitest';
import { stripTypes } from './strip-types';

describe('stripTypes', () => {
  it('removes type annotations and interfaces and keeps top-level await', () => {
    const { js, errors } = stripTypes('interface P { x: number }\nconst p: P = { x: 1 };\nawait Promise.resolve(p.x as number);');
    expect(errors).toEqual([]);
    expect(js).not.toMatch(/interface|: P|as number/);
    expect(js).toMatch(/await Promise\.resolve\(p\.x\)/);
  });

  it('maps a line of the JavaScript back to the line the model wrote', () => {
    const source = 'type A = {\n  a: number;\n};\n\nconst v: A = { a: 1 };\nthrow new Error("x");';
    const { js, mapLine } = stripTypes(source);
    const throwLine = js.split('\n').findIndex((l) => l.includes('throw')) + 1;
    expect(mapLine(throwLine)).toBe(6);
  });

  it('reports TypeScript syntax errors with their line', () => {
    const { errors } = stripTypes('const a = 1;\nconst b: = 2;');
    expect(errors[0]?.line).toBe(2);
  });
});
