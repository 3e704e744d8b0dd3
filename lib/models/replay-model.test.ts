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

  it('with skip, starts after the responses a fork already used', async () => {
    const model = createReplayModel(['one', 'two', 'three'], { skip: 2 });
    expect((await model.generate(request)).text).toBe('three');
    const err = await model.generate(request).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/holds 3 .* number 4/);
  });

  it('says clearly when it runs out of responses', async () => {
    const model = createReplayModel(['only one']);
    await model.generate(request);
    const err = await model.generate(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).message).toMatch(/no response left: it holds 1 .* number 2/);
  });

  it('plays the list recorded for the agent type it answers, when responses are kept per agent type', async () => {
    const responses = { code: ['as code'], 'tool-calling': [{ toolCalls: [{ name: 'final_answer', arguments: { answer: 1 } }] }] };
    expect((await createReplayModel(responses, { agentType: 'code' }).generate(request)).text).toBe('as code');
    const r = await createReplayModel(responses, { agentType: 'tool-calling' }).generate(request);
    expect(r.toolCalls).toEqual([{ id: 'call_1', name: 'final_answer', arguments: { answer: 1 } }]);
  });

  it('with nothing recorded for this agent type, names the setting to change back and what the playground has', async () => {
    const model = createReplayModel({ code: ['a', 'b', 'c'] }, { agentType: 'tool-calling' });
    const err = await model.generate(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).message).toBe(
      'The replay model has no recorded response for the ToolCallingAgent (this playground has 3 for the CodeAgent). Switch Agent type back to CodeAgent, or pick another model in the header.',
    );
  });

  it('for a team member, names its own Type setting', async () => {
    const model = createReplayModel({ 'tool-calling': [{ text: 'x' }] }, { agentType: 'code' });
    const err = await model.generate({ ...request, agent: 'librarian' }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/team member 'librarian' has 1 for the ToolCallingAgent\). Switch team member 'librarian'’s Type back to ToolCallingAgent \(Settings → Team members\)/);
  });

  it('when the list for this agent type runs out, says how many it held and where to add one', async () => {
    const model = createReplayModel({ code: ['x'], 'tool-calling': ['only one'] }, { agentType: 'tool-calling' });
    await model.generate(request);
    const err = await model.generate(request).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'The replay model has no recorded response left for the ToolCallingAgent: this playground has 1 for it and the agent asked for number 2 (and 1 for the CodeAgent). ' +
        'Add a response to model.responses["tool-calling"], or pick another model in the header (Manual lets you write this turn yourself).',
    );
  });

  it('a single list that looks recorded for the other agent type says so when it runs out', async () => {
    const model = createReplayModel(['Thought: go.\n```js\nconsole.log(1)\n```'], { agentType: 'tool-calling' });
    await model.generate(request);
    const err = await model.generate(request).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/holds 1, which look recorded for a CodeAgent \(code blocks, no tool calls\), and this ToolCallingAgent asked for number 2\. Switch Agent type back to CodeAgent/);
    const tools = createReplayModel([{ toolCalls: [{ name: 'add', arguments: {} }] }], { agentType: 'code' });
    await tools.generate(request);
    expect(((await tools.generate(request).catch((e: unknown) => e)) as Error).message).toMatch(/look recorded for a ToolCallingAgent \(tool calls\).*Switch Agent type back to ToolCallingAgent/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const model = createReplayModel(['a'.repeat(100)], { chunkSize: 1, delayMs: 5 });
    const pending = model.generate(request, { signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('stopped', 'AbortError')), 20);
    await expect(pending).rejects.toThrow(/stopped/);
  });
});
