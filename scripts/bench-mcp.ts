// The cost of one MCP tool call on loopback (the SDK client, Streamable HTTP, a real SDK server) beside a JSDoc tool
// call, both awaited from the model's code in QuickJS. Part of `npm run bench`; runs alone too
// (`npx tsx scripts/bench-mcp.ts`). Prints figures; asserts nothing.
import { connectMcpServers } from '../lib/mcp/connect';
import { mcpHostTools } from '../lib/mcp/mcp-host-tools';
import { createQuickJSExecutor } from '../lib/sandbox';
import { compileTools } from '../lib/tools';
import { startMcpTestServer } from '../lib/test-support/mcp-test-server';

const CALLS = 200;
const TOOLS = '/**\n * Adds numbers.\n * @param numbers The numbers.\n */\nexport async function sum_local(numbers: number[]): Promise<string> {\n  return String(numbers.reduce((a, b) => a + b, 0));\n}\n';

export async function mcpFigures(): Promise<void> {
  const server = await startMcpTestServer();
  const mcp = await connectMcpServers([{ name: 'bench', url: server.url, transport: 'streamable-http', via: 'browser' }]);
  const compiled = compileTools(TOOLS);
  const executor = createQuickJSExecutor({
    toolsJs: compiled.js,
    toolNames: ['sum_local'],
    hostTools: mcpHostTools(mcp, { timeoutMs: 10_000 }).filter((t) => t.name === 'sum_numbers'),
    limits: { timeoutMs: 60_000 },
  });
  try {
    await executor.start();
    const perCall = async (call: string) => {
      await executor.execute(`for (let i = 0; i < 20; i++) await ${call};`); // warm-up
      const started = performance.now();
      const result = await executor.execute(`for (let i = 0; i < ${CALLS}; i++) await ${call};`);
      if (result.error) throw new Error(`bench call failed: ${result.error.message}`);
      return (performance.now() - started) / CALLS;
    };
    const local = await perCall('sum_local([1, 2, 3])');
    const remote = await perCall('sum_numbers({ numbers: [1, 2, 3] })');
    console.log(
      `Tool call from code (QuickJS, mean of ${CALLS}): JSDoc tool ${local.toFixed(3)} ms, MCP tool on loopback (Streamable HTTP) ${remote.toFixed(2)} ms (${(remote / local).toFixed(0)}x)`,
    );
  } finally {
    executor.dispose();
    await mcp.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await mcpFigures();
