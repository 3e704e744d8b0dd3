import { describe, expect, it } from 'vitest';
import { mcpServerHeading, mcpToolDeclaration, mcpToolListItem, mcpToolSchema, sanitizeInputSchema, schemaToTypeScript } from './schema-to-typescript';
import type { McpToolInfo } from './types';

const FORECAST: McpToolInfo = {
  server: 'weather',
  name: 'get_forecast',
  mcpName: 'get-forecast',
  description: 'Gets the forecast for a city.',
  inputSchema: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'The city, e.g. "Paris".' },
      days: { type: 'integer', description: 'How many days.', default: 3 },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['city'],
    additionalProperties: false,
  },
};

const LOOKUP: McpToolInfo = {
  server: 'geo',
  name: 'lookup_city',
  mcpName: 'lookup_city',
  description: 'Looks up a city.',
  inputSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
  outputSchema: {
    type: 'object',
    description: 'The city found.',
    properties: { name: { type: 'string' }, country: { type: 'string' }, population: { type: 'number', description: 'People living there.' } },
    required: ['name', 'country', 'population'],
  },
};

describe('schemaToTypeScript', () => {
  it('renders scalar types, type lists, enums and const', () => {
    expect(schemaToTypeScript({ type: 'string' })).toBe('string');
    expect(schemaToTypeScript({ type: 'integer' })).toBe('number');
    expect(schemaToTypeScript({ type: ['string', 'null'] })).toBe('string | null');
    expect(schemaToTypeScript({ type: 'string', nullable: true })).toBe('string | null');
    expect(schemaToTypeScript({ enum: ['a', 'b', null, 2] })).toBe('"a" | "b" | null | 2');
    expect(schemaToTypeScript({ const: 'point' })).toBe('"point"');
    expect(schemaToTypeScript({ type: 'string', format: 'date-time' })).toBe('string');
  });

  it('renders arrays, with parentheses around a union of items, and tuples', () => {
    expect(schemaToTypeScript({ type: 'array', items: { type: 'number' } })).toBe('number[]');
    expect(schemaToTypeScript({ type: 'array', items: { type: ['string', 'number'] } })).toBe('(string | number)[]');
    expect(schemaToTypeScript({ type: 'array' })).toBe('unknown[]');
    expect(schemaToTypeScript({ type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }] })).toBe('[number, string]');
  });

  it('renders anyOf/oneOf as unions and allOf as an intersection', () => {
    expect(schemaToTypeScript({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(schemaToTypeScript({ oneOf: [{ type: 'number' }, { type: 'array', items: { type: 'number' } }] })).toBe('number | number[]');
    expect(schemaToTypeScript({ allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'object', properties: { b: { type: 'number' } } }] }, { multiline: false })).toBe(
      '{ a: string } & { b?: number }',
    );
  });

  it('gives unknown for what it cannot express, and never throws on odd shapes', () => {
    expect(schemaToTypeScript({ $ref: '#/$defs/Node' })).toBe('unknown');
    expect(schemaToTypeScript({})).toBe('unknown');
    expect(schemaToTypeScript(true)).toBe('unknown');
    expect(schemaToTypeScript(false)).toBe('never');
    expect(schemaToTypeScript({ anyOf: [{ type: 'string' }, {}] })).toBe('unknown');
    expect(schemaToTypeScript({ type: 'date' })).toBe('unknown');
    for (const odd of [null, 5, 'string', [], { type: 5 }, { properties: 'x', required: 3 }, { enum: 'x' }, { items: 7, type: 'array' }]) {
      expect(() => schemaToTypeScript(odd)).not.toThrow();
    }
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 10_000; i++) deep = { type: 'array', items: deep };
    expect(schemaToTypeScript(deep)).toMatch(/^unknown(\[\])+$/);
  });

  it('renders objects one property a line, descriptions as doc comments, ? for optional, nested indentation', () => {
    const schema = {
      type: 'object',
      properties: {
        event: {
          type: 'object',
          description: 'The event.',
          properties: {
            title: { type: 'string', description: 'Its title.' },
            when: {
              type: 'object',
              properties: { date: { type: 'string', format: 'date', description: 'The day.' }, time: { type: 'string' } },
              required: ['date'],
            },
            attendees: { type: 'array', items: { type: 'string' } },
          },
          required: ['title', 'when', 'attendees'],
        },
        'dry-run': { type: 'boolean', description: 'Only check.\nNothing is saved.', default: false },
      },
      required: ['event'],
    };
    expect(schemaToTypeScript(schema)).toBe(
      [
        '{',
        '  /** The event. */',
        '  event: {',
        '    /** Its title. */',
        '    title: string;',
        '    when: {',
        '      /** The day. (format: date) */',
        '      date: string;',
        '      time?: string;',
        '    };',
        '    attendees: string[];',
        '  };',
        '  /**',
        '   * Only check.',
        '   * Nothing is saved. (default: false)',
        '   */',
        '  "dry-run"?: boolean;',
        '}',
      ].join('\n'),
    );
    expect(schemaToTypeScript(schema, { multiline: false })).toBe(
      '{ event: { title: string; when: { date: string; time?: string }; attendees: string[] }; "dry-run"?: boolean }',
    );
  });

  it('renders maps from additionalProperties, and a description cannot end the doc comment early', () => {
    expect(schemaToTypeScript({ type: 'object', additionalProperties: { type: 'number' } })).toBe('Record<string, number>');
    expect(schemaToTypeScript({ type: 'object' })).toBe('Record<string, unknown>');
    const text = schemaToTypeScript({ type: 'object', properties: { a: { type: 'string', description: 'x */ function evil() {} /*' } } });
    expect(text).toBe('{\n  /** x *\\/ function evil() {} /* */\n  a?: string;\n}');
  });
});

describe('mcpToolDeclaration', () => {
  it('declares an MCP tool as an async function of one object, in the style of the JSDoc tools', () => {
    expect(mcpToolDeclaration(FORECAST)).toBe(
      [
        '/**',
        ' * Gets the forecast for a city.',
        ' */',
        'async function get_forecast(args: {',
        '  /** The city, e.g. "Paris". */',
        '  city: string;',
        '  /** How many days. (default: 3) */',
        '  days?: number;',
        '  unit?: "celsius" | "fahrenheit";',
        '}): Promise<string>',
      ].join('\n'),
    );
  });

  it('returns the output schema type when the tool has one', () => {
    expect(mcpToolDeclaration(LOOKUP)).toBe(
      [
        '/**',
        ' * Looks up a city.',
        ' * @returns The city found.',
        ' */',
        'async function lookup_city(args: {',
        '  name: string;',
        '}): Promise<{',
        '  name: string;',
        '  country: string;',
        '  /** People living there. */',
        '  population: number;',
        '}>',
      ].join('\n'),
    );
  });

  it('makes the argument optional when nothing is required, and {} for a tool without parameters, even without a type', () => {
    expect(mcpToolDeclaration({ ...FORECAST, description: '', inputSchema: { type: 'object', properties: { days: { type: 'number' } } } })).toBe(
      'async function get_forecast(args?: {\n  days?: number;\n}): Promise<string>',
    );
    expect(mcpToolDeclaration({ ...FORECAST, name: 'chart', description: '', inputSchema: { type: 'object' } })).toBe('async function chart(args?: {}): Promise<string>');
    expect(mcpToolDeclaration({ ...FORECAST, name: 'chart', description: '', inputSchema: {} })).toBe('async function chart(args?: {}): Promise<string>');
    expect(mcpToolDeclaration({ ...FORECAST, name: 'tag', description: '', inputSchema: { additionalProperties: { type: 'string' } } })).toBe(
      'async function tag(args?: Record<string, string>): Promise<string>',
    );
  });

  it('is valid TypeScript for nested, odd and hostile schemas', async () => {
    const ts = (await import('typescript')).default;
    const tools: McpToolInfo[] = [
      FORECAST,
      LOOKUP,
      { ...FORECAST, description: 'Ends */ here.\nSecond line.', inputSchema: { type: 'object', properties: { 'a b': { anyOf: [{ type: 'string' }, { type: 'array', items: { type: ['number', 'null'] } }] }, c: { $ref: '#/x' } } } },
    ];
    for (const tool of tools) {
      const { diagnostics } = ts.transpileModule(`declare ${mcpToolDeclaration(tool)};`, { reportDiagnostics: true });
      expect(diagnostics?.map((d) => d.messageText), mcpToolDeclaration(tool)).toEqual([]);
    }
  });
});

describe('mcpServerHeading', () => {
  it('names the server and its address in one comment line', () => {
    expect(mcpServerHeading('weather', 'https://example.com/mcp')).toBe(
      "// Tools of the MCP server 'weather' (https://example.com/mcp): call each with one object and await it.",
    );
    expect(mcpServerHeading('w', 'https://x/\nevil()')).not.toContain('\n');
  });
});

describe('mcpToolListItem', () => {
  it('lists an MCP tool like a JSDoc tool, marked with its server', () => {
    expect(mcpToolListItem(FORECAST)).toBe(
      [
        "- get_forecast (MCP server 'weather'): Gets the forecast for a city.",
        '    Takes inputs:',
        '      - city: string. The city, e.g. "Paris".',
        '      - days (optional): number. How many days. (default: 3)',
        '      - unit (optional): "celsius" | "fahrenheit".',
        '    Returns: string',
      ].join('\n'),
    );
    expect(mcpToolListItem(LOOKUP)).toContain('    Returns: { name: string; country: string; population: number }. The city found.');
    expect(mcpToolListItem({ ...FORECAST, inputSchema: { type: 'object' } })).toContain('    Takes inputs:\n      (none)\n');
  });
});

describe('mcpToolSchema', () => {
  it('names the server and, with an output schema, what the tool returns', () => {
    const forecast = mcpToolSchema(FORECAST);
    expect(forecast.name).toBe('get_forecast');
    expect(forecast.description).toBe("Gets the forecast for a city. (MCP server 'weather')");
    expect(forecast.parameters).toEqual(FORECAST.inputSchema);
    expect(mcpToolSchema(LOOKUP).description).toBe(
      "Looks up a city. (MCP server 'geo') Returns { name: string; country: string; population: number }: The city found.",
    );
  });

  it('hands the model a plain object schema', () => {
    expect(sanitizeInputSchema({})).toEqual({ type: 'object', properties: {} });
    expect(sanitizeInputSchema(null)).toEqual({ type: 'object', properties: {} });
    expect(sanitizeInputSchema({ $schema: 'http://json-schema.org/draft-07/schema#', properties: { a: { type: 'string' } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
    });
    const hostile = JSON.parse('{"type":"object","properties":{"a":{"type":"string"}},"__proto__":{"polluted":true}}') as Record<string, unknown>;
    hostile.fn = () => 1;
    const clean = sanitizeInputSchema(hostile);
    expect(clean).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const original = { type: 'object', properties: {} };
    expect(sanitizeInputSchema(original)).not.toBe(original);
  });
});
