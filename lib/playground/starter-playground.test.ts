import { describe, expect, it } from 'vitest';
import { compileTools } from '../tools';
import { STARTER_TASK, STARTER_TOOLS } from './starter-playground';

describe('the starter playground', () => {
  it('has one documented tool that compiles, and a task that uses it', () => {
    const built = compileTools(STARTER_TOOLS);
    expect(built.errors).toEqual([]);
    expect(built.tools).toHaveLength(1);
    expect(built.tools[0]).toMatchObject({ name: 'add', description: 'Adds two numbers.', returns: { description: 'The sum of a and b.' } });
    expect(built.tools[0]!.parameters.map((p) => [p.name, p.description])).toEqual([
      ['a', 'The first number.'],
      ['b', 'The second number.'],
    ]);
    expect(STARTER_TASK).toContain('add');
  });
});
