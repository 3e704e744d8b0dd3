import { describe, expect, it } from 'vitest';
import { mcpParameters } from './mcp-parameters';

describe('an MCP tool’s parameters as Settings lists them', () => {
  it('gives each property its type, description and whether it is optional', () => {
    const params = mcpParameters({
      type: 'object',
      properties: {
        city: { type: 'string', description: 'The city.' },
        days: { type: 'integer', description: 'How many days.' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        numbers: { type: 'array', items: { type: 'number' } },
        event: { type: 'object', properties: { title: { type: 'string' }, at: { type: 'string' } }, required: ['title'] },
      },
      required: ['city', 'numbers'],
    });
    expect(params.map((p) => [p.name, p.typeText, p.optional])).toEqual([
      ['city', 'string', false],
      ['days', 'number', true],
      ['unit', '"celsius" | "fahrenheit"', true],
      ['numbers', 'number[]', false],
      ['event', '{ title: string; at?: string }', true],
    ]);
    expect(params[0]!.description).toBe('The city.');
  });

  it('lists nothing for a tool without parameters', () => {
    expect(mcpParameters({ type: 'object' })).toEqual([]);
  });
});
