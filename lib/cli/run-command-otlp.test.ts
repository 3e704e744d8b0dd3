import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeOtlpProtobuf, decodedAttr } from '../test-support/decode-otlp-protobuf';
import { js, playground } from '../test-support/playgrounds';
import { runCliCaptured } from '../test-support/cli';
import { startFakeOpenAIServer } from '../test-support/fake-openai-server';
import { EXIT } from './run-command';

const SECRET = 'cGstbGYtMTIzOnNrLWxmLXNlY3JldC00NTY=';

let dir: string;
let server: Server;
let endpoint: string;
let received: { method?: string; url?: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
let answer = { status: 200, body: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-cli-otlp-'));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'Content-Type': 'text/plain' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  received = [];
  answer = { status: 200, body: '' };
});

const cli = (argv: string[]) => runCliCaptured(argv);

async function playgroundFile(): Promise<string> {
  const path = join(dir, `pg-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(playground({ responses: [js('console.log(add(2, 3));'), js('final_answer("five")')] })));
  return path;
}

describe('agent run --otlp / --otlp-endpoint', () => {
  it('posts the run as OTLP/protobuf with the given headers to the endpoint, and never prints a header value', async () => {
    const { code, out, err } = await cli(['run', await playgroundFile(), '--otlp-endpoint', endpoint, '--otlp-header', `Authorization: Basic ${SECRET}`, '--otlp-header', 'x-project: demo']);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('five\n');
    expect(received).toHaveLength(1);
    const [request] = received as [(typeof received)[number]];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/traces');
    expect(request.headers['content-type']).toBe('application/x-protobuf');
    expect(request.headers.authorization).toBe(`Basic ${SECRET}`);
    expect(request.headers['x-project']).toBe('demo');
    const spans = decodeOtlpProtobuf(new Uint8Array(request.body)).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(spans.map((s) => s.name)).toEqual(['invoke_agent main', 'step action', 'chat replay', 'execute_code', 'execute_tool add', 'step action', 'chat replay', 'execute_code']);
    expect(JSON.parse(decodedAttr(spans.find((s) => s.name === 'execute_tool add')!, 'gen_ai.tool.call.arguments') as string)).toEqual({ a: 2, b: 3 });
    expect(err).toContain(`OpenTelemetry: 8 spans sent to ${endpoint} (200)`);
    expect(err).not.toContain(SECRET);
  });

  it('says what the endpoint answered when it refuses, with the header value cut out, and exits 1', async () => {
    answer = { status: 401, body: `invalid credentials Basic ${SECRET}` };
    const { code, out, err } = await cli(['run', await playgroundFile(), '--otlp-endpoint', endpoint, '--otlp-header', `Authorization: Basic ${SECRET}`]);
    expect(code).toBe(EXIT.failure);
    expect(out).toBe('five\n');
    expect(err).toMatch(/sending the OpenTelemetry trace failed: http:\/\/127\.0\.0\.1:\d+\/v1\/traces answered 401/);
    expect(err).not.toContain(SECRET);
  });

  it('refuses a malformed header or address before running, without echoing the value', async () => {
    const bad = await cli(['run', await playgroundFile(), '--otlp-endpoint', endpoint, '--otlp-header', `Authorization Basic ${SECRET}`]);
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toContain('--otlp-header: flag 1: expected "Name: value"');
    expect(bad.err).not.toContain(SECRET);
    const address = await cli(['run', await playgroundFile(), '--otlp-endpoint', 'localhost:6006']);
    expect(address.code).toBe(EXIT.badInput);
    expect(address.err).toMatch(/--otlp-endpoint: .*use http:\/\/ or https:\/\//);
    expect(received).toHaveLength(0);
  });

  it('writes protobuf to a .pb file and OTLP/JSON to any other name', async () => {
    const pb = join(dir, 'run.pb');
    const json = join(dir, 'run.otel.json');
    expect((await cli(['run', await playgroundFile(), '--otlp', pb])).code).toBe(EXIT.ok);
    expect((await cli(['run', await playgroundFile(), '--otlp', json])).code).toBe(EXIT.ok);
    const fromPb = decodeOtlpProtobuf(new Uint8Array(await readFile(pb))).resourceSpans[0]!.scopeSpans[0]!.spans;
    const fromJson = JSON.parse(await readFile(json, 'utf8')).resourceSpans[0].scopeSpans[0].spans as { name: string }[];
    expect(fromPb.map((s) => s.name)).toEqual(fromJson.map((s) => s.name));
    expect(fromPb).toHaveLength(8);
  });

  it.each(['openai-compatible', 'openai'])('names the --model %s:… given on the command line (not the playground model) with the --base-url server it called', async (provider) => {
    const fake = await startFakeOpenAIServer({ models: ['fake-model'] });
    try {
      fake.reply({ text: 'Thought: done.\n```js\nfinal_answer("five")\n```' });
      const pb = join(dir, `flag-model-${provider}.pb`);
      const { code, err } = await runCliCaptured(['run', await playgroundFile(), '--model', `${provider}:fake-model`, '--base-url', fake.baseURL, '--otlp', pb], { env: { OPENAI_API_KEY: 'sk-test-0123456789' } });
      expect(code, err).toBe(EXIT.ok);
      const spans = decodeOtlpProtobuf(new Uint8Array(await readFile(pb))).resourceSpans[0]!.scopeSpans[0]!.spans;
      const chat = spans.find((s) => s.name === 'chat fake-model');
      expect(chat, spans.map((s) => s.name).join(', ')).toBeDefined();
      expect(decodedAttr(chat!, 'gen_ai.provider.name')).toBe('openai');
      expect(decodedAttr(chat!, 'server.address')).toBe('127.0.0.1');
      expect(decodedAttr(chat!, 'server.port')).toBe(fake.port);
    } finally {
      await fake.close();
    }
  });
});
