// A server that pages its tool list (tools/list with nextCursor): the connection lists every page.
import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectMcpServers } from './connect';

const PAGES = [['tool_a', 'tool_b'], ['tool_c'], ['tool_d', 'tool_e']];
let http: HttpServer;
let url: string;
let listRequests = 0;

function pagedServer(): Server {
  const server = new Server({ name: 'paged', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, (request) => {
    listRequests++;
    const page = Number(request.params?.cursor ?? 0);
    const tools = PAGES[page]!.map((name) => ({ name, description: `Tool ${name}.`, inputSchema: { type: 'object' as const, properties: {} } }));
    return page + 1 < PAGES.length ? { tools, nextCursor: String(page + 1) } : { tools };
  });
  server.setRequestHandler(CallToolRequestSchema, (request) => ({ content: [{ type: 'text', text: `${request.params.name} ran` }] }));
  return server;
}

beforeAll(async () => {
  // Stateless: a fresh server and transport per request.
  http = createServer((req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    const server = pagedServer();
    res.on('close', () => void transport.close().then(() => server.close()));
    void server.connect(transport).then(() => transport.handleRequest(req, res));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/mcp`;
});
afterAll(() => new Promise((resolve) => http.close(resolve)));

it('lists the tools of every page, in order, and calls one from the last page', async () => {
  const mcp = await connectMcpServers([{ name: 'paged', url, transport: 'streamable-http', via: 'browser' }]);
  try {
    expect(mcp.tools.map((t) => t.name)).toEqual(PAGES.flat());
    expect(listRequests).toBe(PAGES.length);
    expect(await mcp.call(mcp.tools.at(-1)!, {})).toBe('tool_e ran');
  } finally {
    await mcp.close();
  }
});
