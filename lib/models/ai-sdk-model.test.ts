import { APICallError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { createAiSdkModel, cutAtStop, toModelMessages, type AiSdkModelOptions } from './ai-sdk-model';
import { ModelError, type ModelRequest, type ModelRetry } from './types';

const KEY = 'sk-test-abcdefghijklmnop';

const usage = (input: number, output: number, cached?: number) => ({
  inputTokens: { total: input, noCache: input - (cached ?? 0), cacheRead: cached, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

function parts(chunks: string[], extra: LanguageModelV4StreamPart[] = []): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    ...chunks.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
    { type: 'text-end', id: 't' },
    ...extra,
    { type: 'finish', usage: usage(120, 30, 100), finishReason: { unified: 'stop', raw: 'stop' } },
  ];
}

function stream(list: LanguageModelV4StreamPart[], { failAfter }: { failAfter?: number } = {}) {
  let i = 0;
  return new ReadableStream<LanguageModelV4StreamPart>({
    pull(controller) {
      if (failAfter !== undefined && i === failAfter) return controller.error(new TypeError('terminated'));
      if (i < list.length) controller.enqueue(list[i++]!);
      else controller.close();
    },
  });
}

const apiError = (statusCode: number, headers: Record<string, string> = {}, body = '{"error":{"message":"nope"}}') =>
  new APICallError({ message: `HTTP ${statusCode}`, url: 'https://api.example.com/v1/chat/completions', requestBodyValues: {}, statusCode, responseHeaders: headers, responseBody: body, isRetryable: statusCode === 429 || statusCode >= 500 });

function client(doStream: MockLanguageModelV4['doStream'], extra: Partial<AiSdkModelOptions> = {}) {
  const model = new MockLanguageModelV4({ doStream });
  const waits: number[] = [];
  const c = createAiSdkModel({
    id: 'openai:test',
    model,
    maxRetries: 3,
    timeoutMs: 5_000,
    secrets: [KEY],
    context: { provider: 'openai', model: 'test', via: 'browser', baseURL: 'https://api.example.com/v1' },
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  });
  return { c, model, waits };
}

const request: ModelRequest = {
  messages: [
    { role: 'system', content: 'You are an agent.' },
    { role: 'user', content: 'Task: add 1 and 2' },
  ],
  stopSequences: ['Observation:'],
  purpose: 'action',
  agent: 'main',
};

describe('createAiSdkModel', () => {
  it('streams the text, sends the system prompt as instructions and the stop sequences, and reports usage with cached tokens', async () => {
    const { c, model } = client(async () => ({ stream: stream(parts(['Thought: add.\n', '```js\nfinal_answer(3)\n```'])) }));
    const deltas: string[] = [];
    const response = await c.generate(request, { onTextDelta: (d) => deltas.push(d) });
    expect(deltas).toEqual(['Thought: add.\n', '```js\nfinal_answer(3)\n```']);
    expect(response.text).toBe('Thought: add.\n```js\nfinal_answer(3)\n```');
    expect(response.usage).toEqual({ inputTokens: 120, outputTokens: 30, cachedInputTokens: 100 });
    const call = model.doStreamCalls[0]!;
    expect(call.stopSequences).toEqual(['Observation:']);
    expect(call.prompt[0]).toEqual({ role: 'system', content: 'You are an agent.' });
    expect(call.prompt[1]).toMatchObject({ role: 'user' });
  });

  it('cuts the text at a stop sequence the server ignored, even across chunks, and stops reading', async () => {
    const { c } = client(async () => ({ stream: stream(parts(['```js\nx\n```\nObserv', 'ation: made up', ' more'])) }));
    const response = await c.generate(request);
    expect(response.text).toBe('```js\nx\n```\n');
  });

  it('returns native tool calls with their parsed arguments', async () => {
    const { c, model } = client(async () => ({
      stream: stream(parts([], [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'add', input: '{"a":1,"b":2}' }])),
    }));
    const response = await c.generate({
      ...request,
      stopSequences: undefined,
      tools: [{ name: 'add', description: 'Adds.', parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] } }],
    });
    expect(response.toolCalls).toEqual([{ id: 'call_1', name: 'add', arguments: { a: 1, b: 2 } }]);
    expect(model.doStreamCalls[0]!.tools?.[0]).toMatchObject({ type: 'function', name: 'add', description: 'Adds.' });
  });

  it('sends no tools for a text tool call format turn, even when the request holds some', async () => {
    const { c, model } = client(async () => ({ stream: stream(parts(['{"name": "add", "arguments": {"a": 1, "b": 2}}'])) }));
    const response = await c.generate({
      ...request,
      stopSequences: undefined,
      toolCallFormat: 'text',
      tools: [{ name: 'add', description: 'Adds.', parameters: { type: 'object', properties: { a: { type: 'number' } } } }],
    });
    expect(model.doStreamCalls[0]!.tools ?? []).toEqual([]);
    expect(response.text).toBe('{"name": "add", "arguments": {"a": 1, "b": 2}}');
    expect(response.toolCalls).toBeUndefined();
  });

  it('retries a 429 after the time retry-after asks for, and a 5xx with backoff, then succeeds', async () => {
    let calls = 0;
    const { c, waits } = client(async () => {
      calls++;
      if (calls === 1) throw apiError(429, { 'retry-after': '2' });
      if (calls === 2) throw apiError(503);
      return { stream: stream(parts(['done'])) };
    });
    const retries: ModelRetry[] = [];
    const response = await c.generate(request, { onRetry: (r) => retries.push(r) });
    expect(response.text).toBe('done');
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, '429 rate limited'],
      [2, '503 server error'],
    ]);
    expect(waits[0]).toBe(2_000);
    expect(waits[1]).toBeGreaterThanOrEqual(2_000);
  });

  it('gives up after maxRetries with a message that says what to do', async () => {
    const { c } = client(async () => {
      throw apiError(500);
    }, { maxRetries: 2 });
    await expect(c.generate(request)).rejects.toThrow(/server error \(500\).*try again.*Tried 3 times/s);
  });

  it('does not retry when retry-after asks for longer than a minute', async () => {
    const { c, waits } = client(async () => {
      throw apiError(429, { 'retry-after': '3600' });
    });
    await expect(c.generate(request)).rejects.toThrow(/rate limiting.*wait 3600 s/s);
    expect(waits).toEqual([]);
  });

  it('explains a rejected key without repeating the key the server echoed', async () => {
    const { c } = client(async () => {
      throw apiError(401, {}, JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }));
    });
    const error = await c.generate(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as Error).message).toMatch(/rejected the API key \(401/);
    expect((error as Error).message).toContain('[key hidden]');
    expect((error as Error).message).not.toContain(KEY);
  });

  it('keeps what streamed when the stream breaks, says it was cut, and does not retry', async () => {
    // The stream breaks after stream-start, text-start and two deltas.
    const { c, model } = client(async () => ({ stream: stream(parts(['Thought: part one', ' and two', ' never']), { failAfter: 4 }) }));
    const deltas: string[] = [];
    const error = await c.generate(request, { onTextDelta: (d) => deltas.push(d) }).catch((e: unknown) => e);
    expect(deltas.join('')).toBe('Thought: part one and two');
    expect((error as Error).message).toMatch(/cut off after 25 characters.*partial output is kept/s);
    expect(model.doStreamCalls).toHaveLength(1);
  });

  it('gives up on a model that sends nothing for the timeout, with a message naming the timeout', async () => {
    const { c } = client(
      async ({ abortSignal }) => ({
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            controller.enqueue({ type: 'stream-start', warnings: [] });
            abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason));
          },
        }),
      }),
      { timeoutMs: 50 },
    );
    await expect(c.generate(request)).rejects.toThrow(/sent nothing for 0 s.*timeout/s);
  });

  it('stops at once when the run is stopped, without retrying', async () => {
    const controller = new AbortController();
    const { c, model } = client(async ({ abortSignal }) => ({
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        start(stream) {
          stream.enqueue({ type: 'stream-start', warnings: [] });
          abortSignal?.addEventListener('abort', () => stream.error(abortSignal.reason));
          setTimeout(() => controller.abort(new DOMException('Stopped by the user.', 'AbortError')), 10);
        },
      }),
    }));
    await expect(c.generate(request, { signal: controller.signal })).rejects.toThrow('Stopped by the user.');
    expect(model.doStreamCalls).toHaveLength(1);
  });
});

describe('toModelMessages', () => {
  it('turns tool-calling history into assistant tool calls and tool results', () => {
    const { instructions, messages } = toModelMessages([
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'task' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'add', arguments: { a: 1 } }] },
      { role: 'tool', toolCallId: 'c1', toolName: 'add', content: '2' },
    ]);
    expect(instructions).toBe('sys');
    expect(messages[1]).toEqual({ role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'add', input: { a: 1 } }] });
    expect(messages[2]).toEqual({ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'add', output: { type: 'text', value: '2' } }] });
  });
});

describe('cutAtStop', () => {
  it('cuts at the earliest stop sequence', () => {
    expect(cutAtStop('a Calling tools: b Observation: c', ['Observation:', 'Calling tools:'])).toBe('a ');
    expect(cutAtStop('no stop here', ['Observation:'])).toBe('no stop here');
  });
});
