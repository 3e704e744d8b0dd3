// Both agent types running on a real MCP server's tools: the prompt declares them, calls land on the timeline with
// their server, errors reach the model and the loop goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcpServers } from '../mcp/connect';
import type { McpConnection } from '../mcp/types';
import { js, ofType, playground, recordingModel, runToEnd } from '../test-support/playgrounds';
import { startMcpTestServer } from '../test-support/mcp-test-server';
import { PlaygroundSetupError } from './create-agent-from-playground';
import { createAgentFromPlayground } from '.';

let server: Awaited<ReturnType<typeof startMcpTestServer>>;
let mcp: McpConnection;
const servers = () => [{ name: 'weather', url: server.url }];

beforeAll(async () => {
  server = await startMcpTestServer();
  mcp = await connectMcpServers(playground({ mcpServers: servers() }).mcpServers);
});
afterAll(async () => {
  await mcp.close();
  await server.close();
});

describe('a CodeAgent on MCP tools', () => {
  it('declares them under their server in the prompt and calls two in one step', async () => {
    const pg = playground({
      mcpServers: servers(),
      responses: [
        js('const f = await get_forecast({ city: "Paris" });\nconst s = await sum_numbers({ numbers: [1, 2, 3] });\nfinal_answer(`${f} / ${s}`);'),
      ],
    });
    const { events, end } = await runToEnd(pg, { mcp });
    const prompt = ofType(events, 'run_start')[0]!.systemPrompt;
    expect(prompt).toMatch(/MCP server 'weather'/);
    expect(prompt).toMatch(/async function get_forecast\(args: \{/);
    expect(prompt).toMatch(/function add\(a: number, b: number\)/);
    expect(end.status).toBe('success');
    expect(end.finalAnswer).toMatch(/^Paris: .* \/ 6$/);
    const calls = ofType(events, 'tool_call_end');
    expect(calls.map((c) => [c.name, c.server])).toEqual([
      ['get_forecast', 'weather'],
      ['sum_numbers', 'weather'],
    ]);
    expect(ofType(events, 'tool_call_start')[0]).toMatchObject({ server: 'weather', args: [{ city: 'Paris' }] });
  });

  it('shows an isError result as the step error, and the loop goes on', async () => {
    const pg = playground({
      mcpServers: servers(),
      responses: [js('await always_fails({});'), js('final_answer("recovered")')],
    });
    const { events, end } = await runToEnd(pg, { mcp });
    expect(ofType(events, 'step_error')[0]!.error.message).toMatch(/the weather service is down/);
    expect(ofType(events, 'tool_call_end')[0]).toMatchObject({ server: 'weather', error: expect.stringMatching(/the weather service is down/) });
    expect(end).toMatchObject({ status: 'success', finalAnswer: 'recovered' });
  });

  it('checks the arguments before calling, naming the tool and the field', async () => {
    const before = server.calls.length;
    const pg = playground({
      mcpServers: servers(),
      responses: [js('await get_forecast({ town: "Paris" });'), js('await get_forecast("Paris");'), js('final_answer(1)')],
    });
    const { events } = await runToEnd(pg, { mcp });
    const [first, second] = ofType(events, 'step_error').map((e) => e.error.message);
    expect(first).toMatch(/get_forecast.*weather.*city/);
    expect(second).toMatch(/call get_forecast with one object/);
    expect(server.calls.length).toBe(before);
  });

  it('refuses a tool that would take the name of a tool of the source, naming both', () => {
    const pg = playground({
      mcpServers: servers(),
      tools: '/** Forecast. @param city A city. */\nexport function get_forecast(city: string): string { return city; }\n',
      responses: [],
    });
    expect(() => createAgentFromPlayground(pg, { mcp })).toThrow(PlaygroundSetupError);
    expect(() => createAgentFromPlayground(pg, { mcp })).toThrow(/MCP tool 'get_forecast' of server 'weather'.*tool 'get_forecast' of the tools source|tool 'get_forecast' of the tools source.*MCP tool 'get_forecast' of server 'weather'/);
  });

  it('will not run a playground with MCP servers without a connection', () => {
    expect(() => createAgentFromPlayground(playground({ mcpServers: servers() }))).toThrow(/connect to them first/);
  });
});

describe('a ToolCallingAgent on MCP tools', () => {
  it('gets their schemas natively beside the JSDoc tools and calls one', async () => {
    const { model, requests } = recordingModel([
      { toolCalls: [{ id: 'c1', name: 'get_forecast', arguments: { city: 'Oslo', unit: 'fahrenheit' } }] },
      { toolCalls: [{ id: 'c2', name: 'final_answer', arguments: { answer: 'done' } }] },
    ]);
    const pg = playground({ mcpServers: servers(), agent: { type: 'tool-calling' } });
    const { events, end } = await runToEnd(pg, { mcp, model });
    const tools = requests[0]!.tools!.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(['add', 'get_forecast', 'sum_numbers', 'final_answer']));
    expect(requests[0]!.tools!.find((t) => t.name === 'get_forecast')!.parameters).toMatchObject({ type: 'object', required: ['city'] });
    expect(ofType(events, 'tool_call_end')[0]).toMatchObject({ name: 'get_forecast', server: 'weather', result: expect.stringMatching(/^Oslo: .*F/) });
    expect(ofType(events, 'observation')[0]!.text).toMatch(/^get_forecast: Oslo: /);
    expect(end.status).toBe('success');
    expect(server.calls.at(-1)).toMatchObject({ name: 'get_forecast', args: { city: 'Oslo', unit: 'fahrenheit' } });
  });
});

describe('the analysis before a run', () => {
  it('shows the listed MCP tools as the run will: same system prompt, counted per tool', async () => {
    const { analyzePlayground } = await import('./analyze-playground');
    const { listMcpServer } = await import('../mcp/connect');
    const pg = playground({ mcpServers: [{ name: 'weather', url: server.url, tools: ['get_forecast', 'to-upper'] }], responses: [js('final_answer(1)')] });
    const listing = await listMcpServer(pg.mcpServers[0]!);
    const analysis = analyzePlayground(pg, [listing]);
    expect(analysis.mcpTools.map((t) => t.name)).toEqual(['get_forecast', 'to_upper']);
    expect(analysis.sections.filter((s) => s.kind === 'mcp-tool').map((s) => s.label)).toEqual(['get_forecast', 'to_upper']);
    expect(analysis.rendered.to_upper).toMatch(/async function to_upper\(args: \{/);
    const connection = await connectMcpServers(pg.mcpServers);
    try {
      const { events } = await runToEnd(pg, { mcp: connection });
      expect(ofType(events, 'run_start')[0]!.systemPrompt).toBe(analysis.systemPrompt);
      expect(analysis.systemPrompt).toMatch(/MCP servers' tools are the exception: each takes one object, e.g. `await get_forecast\(\{ \.\.\. \}\)`/);
    } finally {
      await connection.close();
    }
    // A listing of another address is not this server's.
    expect(analyzePlayground(pg, [{ ...listing, url: 'http://127.0.0.1:1/mcp' }]).mcpTools).toEqual([]);
  });
});

describe('a slow MCP call', () => {
  it('is cancelled on the server when the run is stopped', async () => {
    const pg = playground({ mcpServers: servers(), responses: [js('await slow({ ms: 30000 });'), js('final_answer(1)')] });
    const stop = new AbortController();
    const { end, events } = await runToEnd(pg, {
      mcp,
      signal: stop.signal,
      onEvent: (e) => {
        if (e.type === 'tool_call_start' && e.name === 'slow') setTimeout(() => stop.abort(new DOMException('Stopped by the user.', 'AbortError')), 50);
      },
    });
    expect(end.status).toBe('aborted');
    expect(ofType(events, 'tool_call_start').map((e) => e.name)).toEqual(['slow']);
    await expect.poll(() => server.cancelled.length).toBeGreaterThan(0);
  });

  it('ends at the step time limit, and the loop goes on', async () => {
    const pg = playground({ mcpServers: servers(), sandbox: { timeoutMs: 500 }, responses: [js('await slow({ ms: 30000 });'), js('final_answer("after")')] });
    const { end, events } = await runToEnd(pg, { mcp });
    expect(ofType(events, 'step_error')[0]!.error.type).toBe('TimeoutError');
    expect(end).toMatchObject({ status: 'success', finalAnswer: 'after' });
  });
});
