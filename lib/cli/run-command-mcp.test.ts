// `agent run` on playgrounds with MCP servers: a real server on loopback, the replay model, tokens from the environment.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { js, playground } from '../test-support/playgrounds';
import { startMcpTestServer } from '../test-support/mcp-test-server';
import { EXIT } from './run-command';
import { runCliCaptured } from '../test-support/cli';

const TOKEN = 'cli-token-0123456789';
let dir: string;
let server: Awaited<ReturnType<typeof startMcpTestServer>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-cli-mcp-'));
  server = await startMcpTestServer({ token: TOKEN });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[], env: Record<string, string> = {}) => runCliCaptured(argv, { env });

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(content));
  return path;
}

describe('agent run with MCP servers', () => {
  it('a CodeAgent calls two MCP tools in one step and uses the results', async () => {
    const path = await file('two.json', playground({
      mcpServers: [{ name: 'weather', url: server.url }],
      responses: [js('const f = await get_forecast({ city: "Lima" });\nconst s = await sum_numbers({ numbers: [4, 5] });\nfinal_answer(f + " | " + s);')],
    }));
    const { code, out, err } = await cli(['run', path]);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^Lima: .* \| 9\n$/);
    expect(err).toMatch(/MCP server 'weather' \(http:\/\/127\.0\.0\.1:\d+\/mcp\): \d+ tools/);
  });

  it('observes an isError result and recovers', async () => {
    const path = await file('error.json', playground({
      mcpServers: [{ name: 'weather', url: server.url }],
      responses: [js('await always_fails({});'), js('final_answer("went on")')],
    }));
    const { code, out, err } = await cli(['run', path]);
    expect(code).toBe(EXIT.ok);
    expect(err).toMatch(/the weather service is down/);
    expect(out).toBe('went on\n');
  });

  it('a ToolCallingAgent calls an MCP tool natively', async () => {
    const path = await file('tool-calling.json', playground({
      agent: { type: 'tool-calling' },
      mcpServers: [{ name: 'weather', url: server.url }],
      responses: [
        { toolCalls: [{ name: 'sum_numbers', arguments: { numbers: [2, 3] } }] },
        { toolCalls: [{ name: 'final_answer', arguments: { answer: 'five' } }] },
      ],
    }));
    const { code, out } = await cli(['run', path]);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('five\n');
    expect(server.calls.at(-1)).toEqual({ name: 'sum_numbers', args: { numbers: [2, 3] } });
  });

  it('sends MCP_TOKEN_<NAME> to its server; a wrong one exits 1 with a message about the token', async () => {
    const path = await file('secure.json', playground({
      mcpServers: [{ name: 'vault', url: server.secureUrl }],
      responses: [js('final_answer(await to_upper({ text: "ok" }))')],
    }));
    const good = await cli(['run', path], { MCP_TOKEN_VAULT: TOKEN });
    expect(good).toMatchObject({ code: EXIT.ok, out: 'OK\n' });
    const bad = await cli(['run', path], { MCP_TOKEN_VAULT: 'wrong-token-value' });
    expect(bad.code).toBe(EXIT.failure);
    expect(bad.err).toMatch(/MCP server 'vault'.*refused the token \(401\).*MCP_TOKEN_VAULT/);
    expect(bad.err).not.toContain('wrong-token-value');
    const none = await cli(['run', path]);
    expect(none.err).toMatch(/needs a token/);
  });

  it('exits 1 naming a server that is down; --mcp points it elsewhere', async () => {
    const path = await file('down.json', playground({
      mcpServers: [{ name: 'weather', url: 'http://127.0.0.1:9/mcp' }],
      responses: [js('final_answer(await sum_numbers({ numbers: [1] }))')],
    }));
    const down = await cli(['run', path]);
    expect(down.code).toBe(EXIT.failure);
    expect(down.err).toMatch(/Could not reach the MCP server 'weather' at http:\/\/127\.0\.0\.1:9\/mcp/);
    const moved = await cli(['run', path, '--mcp', `weather=${server.url}`]);
    expect(moved).toMatchObject({ code: EXIT.ok, out: '1\n' });
  });

  it('--mcp adds a server, and a bad one is refused with the reason', async () => {
    const path = await file('added.json', playground({ responses: [js('final_answer(await sum_numbers({ numbers: [7] }))')] }));
    expect(await cli(['run', path, '--mcp', `calc=${server.url}`])).toMatchObject({ code: EXIT.ok, out: '7\n' });
    const bad = await cli(['run', path, '--mcp', 'calc=ftp://x']);
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toMatch(/--mcp calc=ftp:\/\/x: url: must be an http/);
  });
});
