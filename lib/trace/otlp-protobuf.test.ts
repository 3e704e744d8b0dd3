import { describe, expect, it } from 'vitest';
import type { ModelClient, ModelResponse } from '../models/types';
import { modelSettingsSchema } from '../playground/schema';
import { decodeOtlpProtobuf, decodedAttr, type DecodedSpan } from '../test-support/decode-otlp-protobuf';
import { js, playground, runToEnd } from '../test-support/playgrounds';
import { otlpFromEvents } from './otlp';
import { otlpProtobuf } from './otlp-protobuf';

/** A provider model as the agent sees one: scripted answers with what a provider reports about them. */
function scriptedModel(answers: (ModelResponse | Error)[]): ModelClient {
  let i = 0;
  return {
    id: 'openai-compatible:llama3.2',
    generate: async () => {
      const answer = answers[i++] ?? new Error('no more answers');
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

const settings = modelSettingsSchema.parse({ provider: 'openai-compatible', model: 'llama3.2', baseURL: 'http://127.0.0.1:11434/v1', temperature: 0.25, maxOutputTokens: 512 });

async function decodedRun(answers: (ModelResponse | Error)[]) {
  const { events } = await runToEnd(playground(), { model: scriptedModel(answers) });
  const bytes = otlpProtobuf(otlpFromEvents(events, { model: settings }));
  const request = decodeOtlpProtobuf(bytes);
  return { events, bytes, request, spans: request.resourceSpans[0]!.scopeSpans[0]!.spans };
}

const usage = { inputTokens: 120, outputTokens: 30 };
const failingStep = js('const s = add(2, 3);\nconsole.log(s);\nexplode("boom");');
const answerStep = js('final_answer(await word_length("hello"));');

describe('OpenTelemetry export as protobuf (read back with the official opentelemetry-proto definitions)', () => {
  it('carries every span with stable names, GenAI attributes, finish reasons and the request parameters', async () => {
    const { spans, request, bytes } = await decodedRun([
      { text: failingStep, usage, finishReason: 'stop', responseModel: 'llama3.2:latest', responseId: 'chatcmpl-1' },
      { text: answerStep, usage, finishReason: 'stop', responseModel: 'llama3.2:latest', responseId: 'chatcmpl-2' },
    ]);
    expect(bytes.length).toBeGreaterThan(500);
    expect(request.resourceSpans[0]!.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue).toBe('agent-playground');
    expect(spans.map((s) => s.name)).toEqual([
      'invoke_agent main',
      'step action',
      'chat llama3.2',
      'execute_code',
      'execute_tool add',
      'execute_tool explode',
      'step action',
      'chat llama3.2',
      'execute_code',
      'execute_tool word_length',
    ]);
    expect(spans.some((s) => /\d/.test(s.name.replace('llama3.2', '')))).toBe(false);

    const chats = spans.filter((s) => decodedAttr(s, 'gen_ai.operation.name') === 'chat');
    for (const [i, chat] of chats.entries()) {
      expect(chat.kind).toBe('SPAN_KIND_CLIENT');
      expect(decodedAttr(chat, 'agent_playground.step.number')).toBe(i + 1);
      expect(decodedAttr(chat, 'gen_ai.provider.name')).toBe('openai');
      expect(decodedAttr(chat, 'gen_ai.request.model')).toBe('llama3.2');
      expect(decodedAttr(chat, 'server.address')).toBe('127.0.0.1');
      expect(decodedAttr(chat, 'server.port')).toBe(11434);
      expect(decodedAttr(chat, 'gen_ai.request.temperature')).toBe(0.25);
      expect(decodedAttr(chat, 'gen_ai.request.max_tokens')).toBe(512);
      expect(decodedAttr(chat, 'gen_ai.usage.input_tokens')).toBe(120);
      expect(decodedAttr(chat, 'gen_ai.usage.output_tokens')).toBe(30);
      expect(decodedAttr(chat, 'gen_ai.response.finish_reasons')).toEqual(['stop']);
      expect(decodedAttr(chat, 'gen_ai.response.model')).toBe('llama3.2:latest');
      expect(decodedAttr(chat, 'gen_ai.response.id')).toBe(`chatcmpl-${i + 1}`);
      const output = JSON.parse(decodedAttr(chat, 'gen_ai.output.messages') as string);
      expect(output).toEqual([{ role: 'assistant', finish_reason: 'stop', parts: [{ type: 'text', content: i === 0 ? failingStep : answerStep }] }]);
      const input = JSON.parse(decodedAttr(chat, 'gen_ai.input.messages') as string);
      expect(input[0].role).toBe('system');
      expect(chat.status?.code).toBe('STATUS_CODE_OK');
    }

    const tool = (name: string) => spans.find((s) => s.name === `execute_tool ${name}`)!;
    expect(JSON.parse(decodedAttr(tool('add'), 'gen_ai.tool.call.arguments') as string)).toEqual({ a: 2, b: 3 });
    expect(JSON.parse(decodedAttr(tool('word_length'), 'gen_ai.tool.call.arguments') as string)).toEqual({ word: 'hello' });
    expect(decodedAttr(tool('add'), 'gen_ai.tool.description')).toBe('Adds two numbers.');
    expect(decodedAttr(tool('add'), 'gen_ai.tool.type')).toBe('function');
    expect(decodedAttr(tool('add'), 'gen_ai.tool.call.result')).toBe('5');
    expect(tool('add').status?.code).toBe('STATUS_CODE_OK');
    expect(tool('explode').status).toMatchObject({ code: 'STATUS_CODE_ERROR', message: expect.stringContaining('boom') });
    expect(decodedAttr(tool('explode'), 'error.type')).toBeTypeOf('string');

    const [failedCode, okCode] = spans.filter((s) => s.name === 'execute_code') as [DecodedSpan, DecodedSpan];
    expect(failedCode.status?.code).toBe('STATUS_CODE_ERROR');
    expect(decodedAttr(failedCode, 'error.type')).toBeTypeOf('string');
    expect(okCode.status?.code).toBe('STATUS_CODE_OK');
    expect(decodedAttr(okCode, 'error.type')).toBeUndefined();

    const agent = spans[0]!;
    expect(agent.parentSpanId).toBeUndefined();
    expect(decodedAttr(agent, 'gen_ai.provider.name')).toBe('openai');
    expect(JSON.parse(decodedAttr(agent, 'gen_ai.input.messages') as string)).toEqual([{ role: 'user', parts: [{ type: 'text', content: 'Do the thing.' }] }]);
    expect(JSON.parse(decodedAttr(agent, 'gen_ai.output.messages') as string)).toEqual([{ role: 'assistant', finish_reason: 'stop', parts: [{ type: 'text', content: '5' }] }]);

    const byId = new Map(spans.map((s) => [s.spanId, s]));
    for (const span of spans) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(span.startTimeUnixNano));
      if (span.parentSpanId) expect(byId.has(span.parentSpanId)).toBe(true);
    }
  });

  it('marks a failed model call, keeping what it was sent and its tokens, and the failed agent run', async () => {
    const { spans } = await decodedRun([{ text: js('console.log(add(1, 1));'), usage, finishReason: 'stop' }, new Error('429 rate limited')]);
    const chats = spans.filter((s) => decodedAttr(s, 'gen_ai.operation.name') === 'chat');
    const failed = chats.at(-1)!;
    expect(failed.status).toMatchObject({ code: 'STATUS_CODE_ERROR', message: expect.stringContaining('429') });
    expect(decodedAttr(failed, 'error.type')).toBe('ModelError');
    expect(JSON.parse(decodedAttr(failed, 'gen_ai.input.messages') as string).length).toBeGreaterThan(2);
    expect(decodedAttr(failed, 'gen_ai.usage.input_tokens')).toBe(0);
    const agent = spans[0]!;
    expect(agent.status?.code).toBe('STATUS_CODE_ERROR');
    expect(decodedAttr(agent, 'error.type')).toBeTypeOf('string');
  });

  it('names the tool calls of the model’s tool-calling answer and says the model stopped for them', async () => {
    const { events } = await runToEnd(playground({ agent: { type: 'tool-calling' } }), {
      model: scriptedModel([
        { text: '', toolCalls: [{ id: 'c1', name: 'add', arguments: { a: 1, b: 2 } }], usage, finishReason: 'tool-calls' },
        { text: '', toolCalls: [{ id: 'c2', name: 'final_answer', arguments: { answer: 3 } }], usage, finishReason: 'tool-calls' },
      ]),
    });
    const spans = decodeOtlpProtobuf(otlpProtobuf(otlpFromEvents(events))).resourceSpans[0]!.scopeSpans[0]!.spans;
    const chat = spans.find((s) => decodedAttr(s, 'gen_ai.operation.name') === 'chat')!;
    expect(decodedAttr(chat, 'gen_ai.response.finish_reasons')).toEqual(['tool_call']);
    expect(JSON.parse(decodedAttr(chat, 'gen_ai.output.messages') as string)[0]).toMatchObject({ finish_reason: 'tool_call', parts: [{ type: 'tool_call', name: 'add', arguments: { a: 1, b: 2 } }] });
    expect(JSON.parse(decodedAttr(spans.find((s) => s.name === 'execute_tool add')!, 'gen_ai.tool.call.arguments') as string)).toEqual({ a: 1, b: 2 });
  });
});
