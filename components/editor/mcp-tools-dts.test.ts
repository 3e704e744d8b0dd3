import { describe, expect, it } from 'vitest';
import type { McpToolInfo } from '@/lib/mcp/types';
import { mcpToolsDts } from './mcp-tools-dts';

const tool = (name: string, server = 'weather'): McpToolInfo => ({ server, name, mcpName: name, description: `The ${name} tool.`, inputSchema: { type: 'object' } });

describe('the MCP tools’ declarations for the editor', () => {
  it('turns each rendered declaration into a global declare function, under its server', () => {
    const dts = mcpToolsDts([tool('get_forecast'), tool('sum_numbers', 'math')], {
      get_forecast: '/**\n * The forecast.\n */\nasync function get_forecast(args: { city: string }): Promise<string>',
      sum_numbers: '/** Sums. */\nfunction sum_numbers(args: { numbers: number[] }): Promise<number>',
    });
    expect(dts).toBe(
      [
        "// Tools of the MCP server 'weather'",
        '/**\n * The forecast.\n */\ndeclare function get_forecast(args: { city: string }): Promise<string>;',
        "// Tools of the MCP server 'math'",
        '/** Sums. */\ndeclare function sum_numbers(args: { numbers: number[] }): Promise<number>;',
      ].join('\n\n'),
    );
  });

  it('declares a tool whose rendered text is a list item (ToolCallingAgent) from its schema', () => {
    const upper = { ...tool('to_upper'), inputSchema: { type: 'object' as const, properties: { text: { type: 'string' as const } }, required: ['text'] } };
    const dts = mcpToolsDts([upper], { to_upper: '- to_upper: Upper-cases.' });
    expect(dts).toMatch(/declare function to_upper\(args: \{[\s\S]*text: string;?[\s\S]*\}\): Promise<string>;$/);
    expect(dts).toContain('The to_upper tool.');
  });

  it('is empty without MCP tools', () => {
    expect(mcpToolsDts([], {})).toBe('');
  });
});
