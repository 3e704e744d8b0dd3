import { describe, expect, it } from 'vitest';
import { compileTools } from './compile-tools';
import { renderToolForCode, renderToolsForCode } from './render-for-code';
import { toolSchemasForModel } from './render-schema';
import { renderToolsAsList } from './render-tool-list';
import { FINAL_ANSWER_TOOL } from './final-answer-tool';

const SOURCE = `/** A forecast. */
interface Forecast {
  highC: number;
}

/**
 * Gets the forecast.
 * @param city The city.
 * @param unit The unit.
 * @returns Tomorrow's forecast.
 */
export async function get_forecast(city: string, unit: "c" | "f" = "c"): Promise<Forecast> {
  return { highC: 20 };
}
`;

describe('rendering tools for the model', () => {
  const compiled = compileTools(SOURCE);

  it('shows a CodeAgent each tool as a doc comment and a TypeScript signature, with defaults', () => {
    expect(renderToolForCode(compiled.tools[0]!)).toBe(
      `/**\n * Gets the forecast.\n * @param city The city.\n * @param unit The unit. (default: "c")\n * @returns Tomorrow's forecast.\n */\nasync function get_forecast(city: string, unit?: "c" | "f"): Promise<Forecast>`,
    );
  });

  it('puts the referenced types first and final_answer last', () => {
    const text = renderToolsForCode(compiled);
    expect(text.startsWith('/** A forecast. */\ninterface Forecast')).toBe(true);
    expect(text.trimEnd().endsWith('function final_answer(answer: unknown): never')).toBe(true);
  });

  it('gives a tool-calling model JSON schemas, final_answer last', () => {
    const schemas = toolSchemasForModel(compiled);
    expect(schemas.map((s) => s.name)).toEqual(['get_forecast', 'final_answer']);
    expect(schemas[0]!.parameters).toEqual({
      type: 'object',
      properties: { city: { type: 'string', description: 'The city.' }, unit: { type: 'string', enum: ['c', 'f'], description: 'The unit.', default: 'c' } },
      required: ['city'],
      additionalProperties: false,
    });
    expect(schemas[1]!.parameters.required).toEqual(['answer']);
  });

  it('lists tools readably for the tool-calling system prompt', () => {
    const text = renderToolsAsList(compiled, FINAL_ANSWER_TOOL);
    expect(text).toContain('- get_forecast: Gets the forecast.\n    Takes inputs:\n      - city: string. The city.\n      - unit (optional): "c" | "f". The unit.\n    Returns: Forecast. Tomorrow\'s forecast.');
    expect(text).toContain('- final_answer:');
  });
});
