import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcpTestServer, type McpTestServer } from '../test-support/mcp-test-server';
import { resultValue, validateMcpArguments } from './call-result';
import type { McpToolInfo } from './types';

const LABEL = "get_forecast of server 'weather'";

describe('resultValue', () => {
  it('joins the text parts with a new line, and gives "" for no content', () => {
    expect(resultValue({ content: [{ type: 'text', text: 'Paris: 18°C' }, { type: 'text', text: 'sunny' }] }, LABEL)).toBe('Paris: 18°C\nsunny');
    expect(resultValue({ content: [] }, LABEL)).toBe('');
  });

  it('gives structuredContent when the result has it', () => {
    const structuredContent = { name: 'Paris', population: 2_102_650 };
    expect(resultValue({ content: [{ type: 'text', text: '{"name":"Paris"}' }], structuredContent }, LABEL)).toEqual(structuredContent);
  });

  it('describes images, audio and resources in one line each, in order with the text', () => {
    const twelveKb = 'A'.repeat(16_384);
    expect(
      resultValue(
        {
          content: [
            { type: 'text', text: 'Here:' },
            { type: 'image', mimeType: 'image/png', data: twelveKb },
            { type: 'audio', mimeType: 'audio/wav', data: 'AAAA' },
            { type: 'resource_link', uri: 'file:///a.txt', name: 'a.txt', mimeType: 'text/plain' },
            { type: 'resource', resource: { uri: 'file:///b.md', mimeType: 'text/markdown', text: 'héllo' } },
            { type: 'resource', resource: { uri: 'file:///c.bin', blob: 'AAAAAAAA' } },
            { type: 'text', text: 'done' },
          ],
        },
        LABEL,
      ),
    ).toBe(
      [
        'Here:',
        '[image/png, 12 KB]',
        '[audio/wav, 3 bytes]',
        '[resource file:///a.txt, text/plain]',
        '[resource file:///b.md, text/markdown, 6 bytes]',
        '[resource file:///c.bin, 6 bytes]',
        'done',
      ].join('\n'),
    );
  });

  it("throws the server's text as an Error when the result is an error", () => {
    expect(() => resultValue({ isError: true, content: [{ type: 'text', text: 'the weather service is down' }] }, LABEL)).toThrow(
      new Error('the weather service is down'),
    );
    expect(() => resultValue({ isError: true, content: [] }, LABEL)).toThrow(new Error("the MCP tool get_forecast of server 'weather' reported an error with no message"));
  });

  it('never throws a TypeError on what a hostile server may send', () => {
    const odd: unknown[] = [
      { content: 'text' },
      { content: [null, 5, 'x', { type: 'image' }, { type: 'text', text: 5 }, { type: 'resource', resource: 3 }, { type: { evil: true } }, { type: 'video' }] },
      { isError: true, content: [{ type: 'text', text: {} }, null] },
      { isError: 'yes', content: [{ type: 'text', text: 'fine' }] },
      { structuredContent: [1, 2], content: [{ type: 'text', text: 'array is not structured content' }] },
      {},
    ];
    for (const result of odd) {
      try {
        resultValue(result, LABEL);
      } catch (error) {
        expect(error).not.toBeInstanceOf(TypeError);
        expect((error as Error).message).toMatch(/get_forecast|\w/);
      }
    }
    expect(resultValue(odd[1], LABEL)).toBe('[unreadable content]\n[unreadable content]\n[unreadable content]\n[image, 0 bytes]\n\n[resource with no address, 0 bytes]\n[unknown content]\n[video content]');
    expect(resultValue(odd[4], LABEL)).toBe('array is not structured content');
    expect(() => resultValue(null, LABEL)).toThrow("the MCP tool get_forecast of server 'weather' sent a result that is not an object");
    expect(() => resultValue('ok', LABEL)).toThrow(Error);
  });
});

const FORECAST: McpToolInfo = {
  server: 'weather',
  name: 'get_forecast',
  mcpName: 'get-forecast',
  description: 'Gets the forecast.',
  inputSchema: {
    type: 'object',
    properties: {
      city: { type: 'string' },
      days: { type: 'integer' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      when: { type: 'object', properties: { date: { type: 'string' } }, required: ['date'] },
    },
    required: ['city'],
  },
};

describe('validateMcpArguments', () => {
  it('accepts arguments that fit the input schema', () => {
    expect(validateMcpArguments(FORECAST, { city: 'Paris' })).toBeUndefined();
    expect(validateMcpArguments(FORECAST, { city: 'Paris', days: 2, unit: 'celsius', when: { date: '2026-12-03' } })).toBeUndefined();
  });

  it('names the tool, its server and the field that is wrong', () => {
    expect(validateMcpArguments(FORECAST, {})).toBe("Invalid arguments for get_forecast (MCP server 'weather'): missing required argument `city`");
    expect(validateMcpArguments(FORECAST, { city: 'Paris', days: 1.5, when: {} })).toBe(
      "Invalid arguments for get_forecast (MCP server 'weather'): argument `days` must be an integer; got number; missing required argument `when.date`",
    );
  });

  it('asks for one object when called with anything else', () => {
    const message = 'call get_forecast with one object, e.g. await get_forecast({ city: … })';
    expect(validateMcpArguments(FORECAST, 'Paris')).toBe(message);
    expect(validateMcpArguments(FORECAST, ['Paris', 2])).toBe(message);
    expect(validateMcpArguments(FORECAST, null)).toBe(message);
    expect(validateMcpArguments(FORECAST, undefined)).toBe(message);
  });

  it('lets a tool that requires nothing be called without arguments', () => {
    const chart: McpToolInfo = { ...FORECAST, name: 'chart', inputSchema: {} };
    expect(validateMcpArguments(chart, undefined)).toBeUndefined();
    expect(validateMcpArguments(chart, {})).toBeUndefined();
    expect(validateMcpArguments(chart, 3)).toBe('call chart with one object, e.g. await chart({})');
  });

  it('leaves a schema it cannot read to the server instead of throwing', () => {
    const odd = { ...FORECAST, inputSchema: { type: 'object', required: 'city', properties: { city: { enum: 'x' } } } } as unknown as McpToolInfo;
    expect(() => validateMcpArguments(odd, { city: 1 })).not.toThrow();
  });
});

describe('resultValue on a real MCP server', () => {
  let server: McpTestServer;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown> = {}) => resultValue(await client.callTool({ name, arguments: args }), `${name} of server 'test'`);

  beforeAll(async () => {
    server = await startMcpTestServer();
    client = new Client({ name: 'call-result-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('gives text results as text', async () => {
    expect(await call('sum_numbers', { numbers: [1, 2, 3.5] })).toBe('6.5');
    expect(await call('to-upper', { text: 'paris' })).toBe('PARIS');
    expect(await call('get_forecast', { city: 'Paris' })).toMatch(/^Paris: \d+°C, (sunny|cloudy|rainy|windy)$/);
  });

  it('gives structured content as an object', async () => {
    expect(await call('lookup_city', { name: 'Oslo' })).toEqual({ name: 'Oslo', country: 'Norway', population: 717_710 });
  });

  it('describes the image of a mixed result', async () => {
    expect(await call('chart')).toBe('A chart of the week:\n[image/png, 70 bytes]');
  });

  it("throws the server's message for an error result and for arguments the server refuses", async () => {
    await expect(call('always_fails')).rejects.toThrow(new Error('the weather service is down'));
    await expect(call('lookup_city', { name: 'Atlantis' })).rejects.toThrow(new Error('no city named Atlantis'));
    await expect(call('get_forecast', { city: 3 })).rejects.toThrow(/Input validation error.*city/);
  });
});
