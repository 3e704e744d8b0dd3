// What a new playground starts with: one small documented tool and a task that uses it, so Run shows a whole loop.

export const STARTER_TASK = 'What is 1234 + 5678? Use the add tool.';

export const STARTER_TOOLS = `// A tool is an exported function. The model reads its JSDoc comment: say what it does and what each parameter means.
/**
 * Adds two numbers.
 * @param a The first number.
 * @param b The second number.
 * @returns The sum of a and b.
 */
export function add(a: number, b: number): number {
  return a + b;
}
`;
