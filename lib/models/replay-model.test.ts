import { describe, expect, it } from 'vitest';
import { createReplayModel } from './replay-model';
import { ModelError, type ModelRequest } from './types';

const request: ModelRequest = { messages: [{ role: 'user', content: 'hello there' }], purpose: 'action', agent: 'main' };

describe('replay model', () => {
  it('plays responses in order and streams their text in pieces that add up to the whole', async () => {
    const model = createReplayModel(['first answer, long enough to need several chunks', { text: 'second' }], { chunkSize: 8 });
    const deltas: string[] = [];
    const a = await model.generate(request, { onTextDelta: (d) => deltas.push(d) });
    expect(a.text).toBe('first answer, long enough to need several chunks');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(a.text);
    expect((await model.generate(request)).text).toBe('second');
  });

  it('gives recorded tool calls ids and keeps their arguments', async () => {
    const model = createReplayModel([{ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] }]);
    const r = await model.generate(request);
    expect(r.text).toBe('');
    expect(r.toolCalls).toEqual([{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }]);
  });

  it('uses recorded usage, else estimates it and says so', async () => {
    const model = createReplayModel([{ text: 'x', usage: { inputTokens: 10, outputTokens: 2 } }, 'abcdefgh']);
    expect((await model.generate(request)).usage).toEqual({ inputTokens: 10, outputTokens: 2 });
    expect((await model.generate(request)).usage).toEqual({ inputTokens: 3, outputTokens: 2, estimated: true });
  });

  it('says clearly when it runs out of responses', async () => {
    const model = createReplayModel(['only one']);
    await model.generate(request);
    const err = await model.generate(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).message).toMatch(/no response left: it holds 1 .* number 2/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const model = createReplayModel(['a'.repeat(100)], { chunkSize: 1, delayMs: 5 });
    const pending = model.generate(request, { signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('stopped', 'AbortError')), 20);
    await expect(pending).rejects.toThrow(/stopped/);
  });
});
