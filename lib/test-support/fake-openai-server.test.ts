import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, generateText, jsonSchema, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from './fake-openai-server';

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await startFakeOpenAIServer({ models: ['fake-model', 'other-model'] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const compatible = () => createOpenAICompatible({ name: 'fake', baseURL: server.baseURL, apiKey: 'sk-test', includeUsage: true });
const openai = () => createOpenAI({ baseURL: server.baseURL, apiKey: 'sk-test' });

const weatherTools = {
  get_weather: tool({
    description: 'Gets the weather in a city.',
    inputSchema: jsonSchema<{ city: string }>({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    }),
  }),
};

async function collect(result: ReturnType<typeof streamText>) {
  const deltas: string[] = [];
  const errors: unknown[] = [];
  try {
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') deltas.push(part.text);
      if (part.type === 'error') errors.push(part.error);
    }
  } catch (error) {
    errors.push(error); // a broken connection ends the stream by throwing
  }
  return { deltas, errors };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('fake OpenAI server through the AI SDK', () => {
  it('streams text in several deltas', async () => {
    const text = 'Hello there! This reply is streamed from the fake server in several pieces.';
    server.reply({ text });
    const result = streamText({ model: compatible().chatModel('fake-model'), instructions: 'Be brief.', prompt: 'Hi', maxRetries: 0 });
    const { deltas, errors } = await collect(result);
    expect(errors).toEqual([]);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(text);
    expect(await result.finishReason).toBe('stop');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.body).toMatchObject({ model: 'fake-model', stream: true, stream_options: { include_usage: true } });
    expect(request?.body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('honours stop sequences', async () => {
    server.reply({ text: 'one two\nObservation: three' }, { text: 'alpha END beta' });
    const streamed = streamText({ model: compatible().chatModel('fake-model'), prompt: 'Count', stopSequences: ['\nObservation:'], maxRetries: 0 });
    expect(await streamed.text).toBe('one two');
    const generated = await generateText({ model: openai().chat('fake-model'), prompt: 'Greek', stopSequences: ['END', 'nope'], maxRetries: 0 });
    expect(generated.text).toBe('alpha ');
    expect(server.requests.map((r) => r.body.stop)).toEqual([['\nObservation:'], ['END', 'nope']]);
  });

  it('answers non-streamed requests', async () => {
    server.reply({ text: 'Not streamed.' });
    const result = await generateText({ model: openai().chat('fake-model'), prompt: 'Say something', maxRetries: 0 });
    expect(result.text).toBe('Not streamed.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBe(Math.ceil('Say something'.length / 4));
    expect(result.usage.outputTokens).toBe(Math.ceil('Not streamed.'.length / 4));
    expect(server.requests[0]?.body.stream).toBeFalsy();
  });

  it('returns tool calls with parsed input, streamed and not', async () => {
    const call = { name: 'get_weather', arguments: { city: 'Paris' } };
    server.reply({ toolCalls: [call] }, { text: 'Checking.', toolCalls: [call, { ...call, arguments: { city: 'Oslo' } }] });
    const generated = await generateText({ model: compatible().chatModel('fake-model'), prompt: 'Weather?', tools: weatherTools, maxRetries: 0 });
    expect(generated.finishReason).toBe('tool-calls');
    expect(generated.toolCalls.map((c) => [c.toolName, c.input])).toEqual([['get_weather', { city: 'Paris' }]]);
    expect(generated.toolCalls[0]?.toolCallId).toMatch(/^call_/);

    const streamed = streamText({ model: openai().chat('fake-model'), prompt: 'Weather?', tools: weatherTools, maxRetries: 0 });
    expect(await streamed.text).toBe('Checking.');
    expect((await streamed.toolCalls).map((c) => c.input)).toEqual([{ city: 'Paris' }, { city: 'Oslo' }]);
    expect(await streamed.finishReason).toBe('tool-calls');
    expect(server.requests[0]?.body.tools[0].function.name).toBe('get_weather');
  });

  it('reports usage, cached tokens included', async () => {
    const usage = { promptTokens: 120, completionTokens: 30, cachedTokens: 100 };
    server.reply({ text: 'Counted.', usage }, { text: 'Counted again.', usage });
    const streamed = streamText({ model: compatible().chatModel('fake-model'), prompt: 'Count', maxRetries: 0 });
    const generated = await generateText({ model: openai().chat('fake-model'), prompt: 'Count', maxRetries: 0 });
    for (const got of [await streamed.usage, generated.usage]) {
      expect(got).toMatchObject({ inputTokens: 120, outputTokens: 30, totalTokens: 150 });
      expect(got.inputTokenDetails.cacheReadTokens).toBe(100);
    }
  });

  it('lists models', async () => {
    const response = await fetch(`${server.baseURL}/models`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: { id: string; owned_by: string }[] };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toEqual(['fake-model', 'other-model']);
    expect(server.requests).toMatchObject([{ method: 'GET', path: '/v1/models', body: null }]);
  });
});

describe('faults', () => {
  it('rejects a wrong API key with a 401 that echoes it', async () => {
    const guarded = await startFakeOpenAIServer({ apiKey: 'sk-right' });
    try {
      guarded.reply({ text: 'never' });
      const model = createOpenAI({ baseURL: guarded.baseURL, apiKey: 'sk-wrong-secret-123' }).chat('fake-model');
      const error = await rejection(generateText({ model, prompt: 'Hi', maxRetries: 0 }));
      expect(APICallError.isInstance(error) && error.statusCode).toBe(401);
      expect(String((error as Error).message)).toContain('Incorrect API key provided: sk-wrong-secret-123');
      const ok = createOpenAI({ baseURL: guarded.baseURL, apiKey: 'sk-right' }).chat('fake-model');
      expect((await generateText({ model: ok, prompt: 'Hi', maxRetries: 0 })).text).toBe('never');
    } finally {
      await guarded.close();
    }
  });

  it('answers 429 with retry-after, without consuming the reply', async () => {
    server.fault({ kind: 'status', status: 429, retryAfterSeconds: 7 });
    server.reply({ text: 'After the wait.' });
    const error = await rejection(generateText({ model: compatible().chatModel('fake-model'), prompt: 'Hi', maxRetries: 0 }));
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(429);
    expect((error as APICallError).responseHeaders?.['retry-after']).toBe('7');
    expect((error as APICallError).isRetryable).toBe(true);
    const later = await generateText({ model: compatible().chatModel('fake-model'), prompt: 'Hi', maxRetries: 0 });
    expect(later.text).toBe('After the wait.');
  });

  it('sends a custom error body', async () => {
    server.fault({ kind: 'status', status: 503, body: { error: { message: 'overloaded, go away', type: 'server_error' } } });
    const error = await rejection(generateText({ model: openai().chat('fake-model'), prompt: 'Hi', maxRetries: 0 }));
    expect((error as APICallError).statusCode).toBe(503);
    expect((error as Error).message).toContain('overloaded, go away');
  });

  it('cuts a stream after partial text', async () => {
    const text = 'This stream will be cut off somewhere in the middle of the sentence.';
    server.fault({ kind: 'cut', afterChars: 30 });
    server.reply({ text });
    const result = streamText({ model: compatible().chatModel('fake-model'), prompt: 'Hi', maxRetries: 0, onError: () => {} });
    const { deltas, errors } = await collect(result);
    expect(deltas.join('')).toBe(text.slice(0, 30));
    expect(deltas.length).toBeGreaterThan(1);
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as Error).cause)).toMatch(/terminated/);
  });

  it('waits on a slow fault, and stops waiting when the client aborts', async () => {
    server.fault({ kind: 'slow', delayMs: 100 }, { kind: 'slow', delayMs: 10_000 });
    server.reply({ text: 'Slowly.' }, { text: 'Kept.' });
    const started = Date.now();
    expect((await generateText({ model: openai().chat('fake-model'), prompt: 'Hi', maxRetries: 0 })).text).toBe('Slowly.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const error = await rejection(
      generateText({ model: openai().chat('fake-model'), prompt: 'Hi', maxRetries: 0, abortSignal: AbortSignal.timeout(50) }),
    );
    expect(error).toBeInstanceOf(Error);
    // The aborted request did not consume its reply.
    expect((await generateText({ model: openai().chat('fake-model'), prompt: 'Hi', maxRetries: 0 })).text).toBe('Kept.');
  });

  it('sends CORS headers, and none under a no-cors fault', async () => {
    const url = `${server.baseURL}/chat/completions`;
    const preflight = {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    };
    const ok = await fetch(url, preflight);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(ok.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');

    server.fault({ kind: 'no-cors' }, { kind: 'no-cors' });
    const failed = await fetch(url, preflight);
    expect(failed.ok).toBe(false);
    expect(failed.headers.get('access-control-allow-origin')).toBeNull();

    server.reply({ text: 'No CORS here.' }, { text: 'CORS again.' });
    const post = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bare = await post({ model: 'fake-model', messages: [{ role: 'user', content: 'Hi' }] });
    expect(bare.status).toBe(200);
    expect([...bare.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    expect(bare.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const again = await post({ model: 'fake-model', messages: [{ role: 'user', content: 'Hi' }] });
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect(again.headers.get('access-control-expose-headers')).toBe('retry-after');
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('answers bad JSON, unknown paths and an empty queue with clear errors', async () => {
    const bad = await fetch(`${server.baseURL}/chat/completions`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/JSON/);
    const unknown = await fetch(`${server.baseURL}/embeddings`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    const error = await rejection(generateText({ model: openai().chat('fake-model'), prompt: 'Hi', maxRetries: 0 }));
    expect((error as APICallError).statusCode).toBe(500);
    expect((error as Error).message).toContain('no reply queued');
  });
});
