import { afterEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../agent';
import { foldEvents } from '../agent';
import { EXAMPLES } from '../playground/examples';
import { inProcessRunner } from '../test-support/in-process-runner';
import { js, playground } from '../test-support/playgrounds';
import { startFakeOpenAIServer } from '../test-support/fake-openai-server';
import { createRunnerClient, type RunHandlers } from './runner-client';

const open: (() => void)[] = [];
afterEach(() => open.splice(0).forEach((close) => close()));

function connect() {
  const runner = inProcessRunner();
  open.push(runner.terminate);
  return createRunnerClient(runner.port);
}

function collect(overrides: Partial<RunHandlers> = {}) {
  const events: AgentEvent[] = [];
  let batches = 0;
  const done = new Promise<string | undefined>((resolve) => {
    overrides = { ...overrides, onDone: resolve };
  });
  const handlers: RunHandlers = {
    onEvents: (batch) => {
      batches++;
      events.push(...batch);
    },
    onManualTurn: () => {},
    ...overrides,
  } as RunHandlers;
  return { events, handlers, done, batches: () => batches };
}

describe('the runner protocol', () => {
  it('runs a bundled example to its final answer, sending events in batches', async () => {
    const client = connect();
    const { events, handlers, done, batches } = collect();
    client.start('r1', EXAMPLES[0]!.playground, handlers);
    expect(await done).toBeUndefined();
    const state = foldEvents(events);
    expect(state.runs[0]!.status).toBe('success');
    expect(state.steps.length).toBeGreaterThan(1);
    expect(batches()).toBeLessThan(events.length);
  });

  it("carries user_input's question to the page and the person's answer back into the run", async () => {
    const client = connect();
    const questions: string[] = [];
    const { events, handlers, done } = collect({
      onQuestion: ({ questionId, question }) => {
        questions.push(question);
        client.answerQuestion('rq', questionId, 'forty-two');
      },
    });
    client.start('rq', playground({ builtinTools: ['user_input'], responses: [js('final_answer(await user_input("How many?"))')] }), handlers);
    expect(await done).toBeUndefined();
    expect(questions).toEqual(['How many?']);
    expect(foldEvents(events).runs[0]).toMatchObject({ status: 'success', finalAnswer: { value: 'forty-two' } });
  });

  it('tells user_input nobody can answer when the page does not show the question', async () => {
    const client = connect();
    const { events, handlers, done } = collect();
    client.start('rn', playground({ builtinTools: ['user_input'], responses: [js('await user_input("How many?")'), js('final_answer(0)')] }), handlers);
    expect(await done).toBeUndefined();
    const error = events.find((e) => e.type === 'step_error');
    expect(error?.type === 'step_error' && error.error.message).toMatch(/user_input: nobody can answer here/);
  });

  it('asks the page for manual turns and runs what the person wrote', async () => {
    const client = connect();
    const seen: number[] = [];
    const { events, handlers, done } = collect({
      onManualTurn: ({ turnId, request }) => {
        seen.push(request.messages.length);
        client.answer('r2', turnId, { text: js(seen.length === 1 ? 'console.log(add(2, 3))' : 'final_answer(add(40, 2))') });
      },
    });
    client.start('r2', playground({ model: { provider: 'manual' } }), handlers);
    expect(await done).toBeUndefined();
    expect(seen).toEqual([2, 4]);
    const state = foldEvents(events);
    expect(state.steps[0]!.observation).toContain('5');
    expect(state.runs[0]!.finalAnswer).toEqual({ value: 42 });
  });

  it('aborts a run waiting for a manual turn; the run ends as aborted', async () => {
    const client = connect();
    const { events, handlers, done } = collect({ onManualTurn: () => client.abort('r3') });
    client.start('r3', playground({ model: { provider: 'manual' } }), handlers);
    await done;
    expect(foldEvents(events).runs[0]!.status).toBe('aborted');
  });

  it('says why a run cannot start', async () => {
    const client = connect();
    const { handlers, done } = collect();
    client.start('r4', playground({ tools: 'export function f(: number) {}' }), handlers);
    expect(await done).toMatch(/tools source has \d+ error/);
  });

  it('analyzes a playground on request', async () => {
    const client = connect();
    const analysis = await client.analyze(playground());
    expect(analysis.tools.map((t) => t.name)).toEqual(['add', 'word_length', 'explode']);
  });

  it('runs a real provider with the key sent beside the playground; no event or message carries the key', async () => {
    const key = 'sk-runner-0123456789abcdef';
    const fake = await startFakeOpenAIServer({ apiKey: key });
    open.push(() => void fake.close());
    fake.reply({ text: js('final_answer(add(1, 2))') });
    const model = { provider: 'openai-compatible' as const, preset: 'custom' as const, baseURL: fake.baseURL, model: 'fake-model' };
    const client = connect();
    const ok = collect();
    client.start('r-real', playground({ model }), ok.handlers, { keys: { [new URL(fake.baseURL).origin]: key } });
    expect(await ok.done).toBeUndefined();
    expect(foldEvents(ok.events).runs[0]).toMatchObject({ status: 'success', model: 'openai-compatible:fake-model' });
    expect(JSON.stringify(ok.events)).not.toContain(key);

    const wrong = 'sk-wrong-0123456789abcdef';
    const bad = collect();
    client.start('r-bad', playground({ model }), bad.handlers, { keys: { [new URL(fake.baseURL).origin]: wrong } });
    await bad.done;
    const end = foldEvents(bad.events).runs[0]!;
    expect(end.status).toBe('error');
    expect(end.error?.message).toMatch(/rejected the API key/);
    expect(JSON.stringify(bad.events)).not.toContain(wrong);
  });
});
