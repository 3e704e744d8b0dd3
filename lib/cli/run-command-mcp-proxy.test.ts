// The CLI has no MCP proxy: a server set to go through the app's server is reached directly, and the CLI says so.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastFor, startMcpTestServer, type McpTestServer } from '../test-support/mcp-test-server';
import { js, playground } from '../test-support/playgrounds';
import { EXIT, runCli } from './run-command';

let dir: string;
let mcp: McpTestServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-cli-mcp-proxy-'));
  mcp = await startMcpTestServer();
});
afterAll(async () => {
  await mcp.close();
  await rm(dir, { recursive: true, force: true });
});

describe("agent run with an MCP server set to `via: 'proxy'`", () => {
  it('connects to it directly, prints a note saying so, and calls its tool', async () => {
    const path = join(dir, 'via-proxy.json');
    const pg = playground({
      mcpServers: [{ name: 'weather', url: mcp.url, via: 'proxy' }],
      responses: [js('final_answer(await get_forecast({ city: "Oslo" }))')],
    });
    await writeFile(path, JSON.stringify(pg));
    let out = '';
    let err = '';
    const code = await runCli(['run', path], { stdout: (t) => (out += t), stderr: (t) => (err += t), readLine: async () => null });
    expect(err).toContain(`note: MCP server 'weather' is set to go through the app's server; the CLI has no proxy and connects to ${mcp.url} directly`);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(`Oslo: ${forecastFor('Oslo')}\n`);
  });
});
