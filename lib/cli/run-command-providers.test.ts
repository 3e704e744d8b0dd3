// The CLI against a real HTTP server speaking OpenAI Chat Completions on 127.0.0.1: the provider path end to end.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../test-support/fake-openai-server';
import { js, playground } from '../test-support/playgrounds';
import { EXIT } from './run-command';
import { runCliCaptured } from '../test-support/cli';

const KEY = 'sk-test-cli-0123456789abcdef';
let server: FakeOpenAIServer;
let dir: string;
let path: string;

beforeAll(async () => {
  server = await startFakeOpenAIServer({ models: ['fake-model'], apiKey: KEY });
  dir = await mkdtemp(join(tmpdir(), 'agent-cli-providers-'));
  path = join(dir, 'p.json');
  await writeFile(path, JSON.stringify(playground({ task: 'Add 2 and 3.' })));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

const cli = (argv: string[], env: Record<string, string> = { OPENAI_COMPATIBLE_API_KEY: KEY, OPENAI_API_KEY: KEY }) => runCliCaptured(argv, { env });

const compatible = () => ['run', path, '--model', 'openai-compatible:fake-model', '--base-url', server.baseURL];

describe('agent run with a real provider over HTTP', () => {
  it('runs a CodeAgent to its final answer on an OpenAI-compatible server, streaming, with stop sequences, key and usage', async () => {
    server.reply(
      { text: 'Thought: add them.\n```js\nconst s = add(2, 3);\nconsole.log(s);\n```\nObservation: invented', usage: { promptTokens: 900, completionTokens: 40, cachedTokens: 600 } },
      { text: 'Thought: done.\n```js\nfinal_answer(s)\n```' },
    );
    const { code, out, err } = await cli([...compatible(), '--trace', join(dir, 'code.trace.json')]);
    expect(err).not.toContain(KEY);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('5\n');
    expect(err).toMatch(/model openai-compatible:fake-model/);
    expect(err).toMatch(/add → 5/);
    expect(err).toMatch(/tokens 900 in \/ 40 out ·/);
    const chat = server.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chat).toHaveLength(2);
    expect(chat[0]!.body.stream).toBe(true);
    expect(chat[0]!.body.stop).toEqual(['Observation:', 'Calling tools:']);
    expect(chat[0]!.body.messages[0].role).toBe('system');
    expect(chat[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    // The second request carries the observation of the first step, not the text past the stop sequence.
    expect(JSON.stringify(chat[1]!.body.messages)).not.toContain('invented');
    expect(await readFile(join(dir, 'code.trace.json'), 'utf8')).not.toContain(KEY);
  });

  it('runs a ToolCallingAgent with native tool calls through the openai provider and --base-url', async () => {
    const tc = join(dir, 'tc.json');
    await writeFile(tc, JSON.stringify(playground({ task: 'Add 2 and 3.', agent: { type: 'tool-calling' } })));
    server.reply({ toolCalls: [{ name: 'add', arguments: { a: 2, b: 3 } }] }, { toolCalls: [{ name: 'final_answer', arguments: { answer: 'five' } }] });
    const { code, out, err } = await cli(['run', tc, '--model', 'openai:fake-model', '--base-url', server.baseURL]);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('five\n');
    expect(err).toMatch(/model calls add\(\{"a":2,"b":3\}\)/);
    const chat = server.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chat[0]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(expect.arrayContaining(['add', 'final_answer']));
    // The tool's result goes back as a tool message answering the call.
    const toolMessage = chat[1]!.body.messages.find((m: { role: string }) => m.role === 'tool');
    expect(toolMessage.content).toContain('5');
  });

  it('runs a ToolCallingAgent in the text tool call format: no tools in the request, the calls read from the text', async () => {
    const tc = join(dir, 'tc-text.json');
    const doc = playground({
      task: 'Add 2 and 3.',
      agent: { type: 'tool-calling' },
      model: { provider: 'openai-compatible', baseURL: server.baseURL, model: 'fake-model', toolCallFormat: 'text' },
    });
    await writeFile(tc, JSON.stringify(doc));
    server.reply(
      { text: 'Thought: add them.\n```json\n{"name": "add", "arguments": {"a": 2, "b": 3}}\n```' },
      { text: '{"name": "final_answer", "arguments": {"answer": "five"}}' },
    );
    const { code, out, err } = await cli(['run', tc, '--base-url', server.baseURL]);
    expect(err).not.toContain(KEY);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('five\n');
    expect(err).toMatch(/model calls add\(\{"a":2,"b":3\}\)/);
    const chat = server.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chat).toHaveLength(2);
    for (const request of chat) {
      expect(request.body).not.toHaveProperty('tools');
      expect(request.body).not.toHaveProperty('tool_choice');
      expect(JSON.stringify(request.body.messages)).not.toMatch(/"role":"tool"|tool_calls/);
    }
    expect(chat[0]!.body.messages[0].content).toContain('Arguments (JSON Schema)');
    expect(chat[1]!.body.messages.at(-1).content).toContain('add: 5');
  });

  it('waits as retry-after asks on a 429, retries a 500, and says so on stderr', async () => {
    server.fault({ kind: 'status', status: 429, retryAfterSeconds: 1 }, { kind: 'status', status: 500 });
    server.reply({ text: '```js\nfinal_answer(add(2, 3))\n```' });
    const started = Date.now();
    const { code, out, err } = await cli(compatible());
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('5\n');
    expect(err).toMatch(/model call failed \(429 rate limited\): retry 1 in 1\.0 s/);
    expect(err).toMatch(/model call failed \(500 server error\): retry 2 in/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('ends with a clear message on a rejected key, without ever printing the key', async () => {
    const { code, err } = await cli(compatible(), { OPENAI_COMPATIBLE_API_KEY: 'sk-wrong-key-0123456789' });
    expect(code).toBe(EXIT.failure);
    expect(err).toMatch(/rejected the API key \(401 Unauthorized\)/);
    expect(err).not.toContain('sk-wrong-key-0123456789');
  });

  it('keeps the partial output of a stream cut halfway and says it was cut', async () => {
    server.fault({ kind: 'cut', afterChars: 20 });
    server.reply({ text: 'Thought: I will add the two numbers now.\n```js\nfinal_answer(5)\n```' });
    const { code, err } = await cli(compatible());
    expect(code).toBe(EXIT.failure);
    expect(err).toMatch(/cut off after \d+ characters/);
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
  });

  it('explains a server that is not there, and a missing key or base URL before calling anything', async () => {
    const closed = await closedPort();
    const refused = await cli(['run', path, '--model', 'openai-compatible:x', '--base-url', `http://127.0.0.1:${closed}/v1`]);
    expect(refused.code).toBe(EXIT.failure);
    expect(refused.err).toContain(`Could not reach the OpenAI-compatible server at http://127.0.0.1:${closed}/v1 (connection refused: is the server running`);

    const noKey = await cli(['run', path, '--model', 'openai:gpt-4.1-mini'], {});
    expect(noKey.code).toBe(EXIT.badInput);
    expect(noKey.err).toMatch(/OpenAI needs an API key: set OPENAI_API_KEY/);

    const noURL = await cli(['run', path, '--model', 'openai-compatible:llama3.2']);
    expect(noURL.code).toBe(EXIT.badInput);
    expect(noURL.err).toMatch(/needs --base-url/);
  });

  it('gives up on a model that sends nothing within the timeout', async () => {
    const slow = join(dir, 'slow.json');
    await writeFile(
      slow,
      JSON.stringify(playground({ model: { provider: 'openai-compatible', preset: 'custom', baseURL: server.baseURL, model: 'fake-model', timeoutMs: 1_000 } })),
    );
    server.fault({ kind: 'slow', delayMs: 5_000 });
    server.reply({ text: 'late' });
    const { code, err } = await cli(['run', slow, '--base-url', server.baseURL]);
    expect(code).toBe(EXIT.failure);
    expect(err).toMatch(/sent nothing for 1 s, so the call was given up \(timeout\)/);
  });

  it('sends OPENAI_COMPATIBLE_API_KEY only to the --base-url typed, never to the server a playground file names', async () => {
    const named = join(dir, 'named.json');
    await writeFile(named, JSON.stringify(playground({ model: { provider: 'openai-compatible', preset: 'openrouter', baseURL: server.baseURL, model: 'fake-model' } })));
    server.reply({ text: js('final_answer(1)') });
    const { err } = await cli(['run', named]);
    // The file names the server; the key is not sent there, and the CLI says how to send it.
    expect(err).toMatch(/OPENAI_COMPATIBLE_API_KEY is sent only to the --base-url you give/);
    const untyped = server.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(untyped.length).toBeGreaterThan(0);
    expect(untyped.every((r) => r.headers.authorization === undefined)).toBe(true);

    server.reset();
    server.reply({ text: js('final_answer(1)') });
    const typed = await cli(['run', named, '--base-url', server.baseURL]);
    expect(typed.code).toBe(EXIT.ok);
    expect(server.requests.find((r) => r.path === '/v1/chat/completions')?.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
