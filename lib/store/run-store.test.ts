import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../agent';
import type { FromRunner, Port, ToRunner } from '../runner/runner-protocol';
import { inProcessRunner } from '../test-support/in-process-runner';
import { js, playground } from '../test-support/playgrounds';
import { setRunnerEndpointFactory } from './runner-connection';
import { HARD_STOP_MS, keysForPlayground, useRunStore } from './run-store';

const closers: (() => void)[] = [];
beforeEach(() =>
  setRunnerEndpointFactory(() => {
    const runner = inProcessRunner();
    closers.push(runner.terminate);
    return runner;
  }),
);
afterEach(() => closers.splice(0).forEach((close) => close()));

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const store = () => useRunStore.getState();
const mainStatus = () => store().state.runs.find((r) => !r.parent)?.status;

describe('the run store', () => {
  it('runs a manual-model playground turn by turn to its final answer', async () => {
    store().start(playground({ model: { provider: 'manual' } }));
    await until(() => store().manualTurn !== undefined);
    expect(store().manualTurn!.request.messages[0]!.role).toBe('system');
    store().submitTurn({ text: js('final_answer(add(1, 1))') });
    await until(() => store().phase === 'idle');
    expect(mainStatus()).toBe('success');
    expect(store().state.runs[0]!.finalAnswer).toEqual({ value: 2 });
  });

  it('says why a run could not start', async () => {
    store().start(playground({ tools: 'export function f(: number) {}' }));
    await until(() => store().phase === 'idle');
    expect(store().startError).toMatch(/tools source has \d+ error/);
  });

  it('stops a run waiting for the model; the run ends as aborted', async () => {
    store().start(playground({ model: { provider: 'manual' } }));
    await until(() => store().manualTurn !== undefined);
    store().stop();
    expect(store().phase).toBe('stopping');
    await until(() => store().phase === 'idle');
    expect(mainStatus()).toBe('aborted');
  });

  it('shuts down a runner that does not answer Stop, and closes the run as aborted', async () => {
    let terminated = 0;
    setRunnerEndpointFactory(() => {
      // A runner busy in a synchronous loop: it sent the run's start and then nothing.
      const listeners: ((e: { data: FromRunner }) => void)[] = [];
      const port: Port<FromRunner, ToRunner> = {
        addEventListener: (_type, listener) => listeners.push(listener),
        postMessage(message) {
          if (message.type !== 'start') return;
          const events: AgentEvent[] = [
            { type: 'run_start', agent: 'main', t: 0, runId: 'x', task: 't', agentType: 'code', maxSteps: 3, systemPrompt: 's', startedAt: new Date().toISOString(), model: 'manual', sandbox: 'quickjs' },
            { type: 'step_start', agent: 'main', t: 1, step: 1, kind: 'action' },
          ];
          queueMicrotask(() => listeners.forEach((l) => l({ data: { type: 'events', runId: message.runId, events } })));
        },
      };
      return { port, terminate: () => terminated++ };
    });
    store().start(playground());
    await until(() => store().state.steps.length === 1);
    const stoppedAt = Date.now();
    store().stop();
    await until(() => store().phase === 'idle', HARD_STOP_MS + 2_000);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(HARD_STOP_MS - 50);
    expect(terminated).toBe(1);
    expect(mainStatus()).toBe('aborted');
    expect(store().state.runs[0]!.error?.message).toMatch(/sandbox was shut down/);
  });
  it('shows a recorded run at once, clears it with [], and leaves a run that is going alone', async () => {
    store().start(playground({ model: { provider: 'manual' } }));
    await until(() => store().manualTurn !== undefined);
    store().submitTurn({ text: js('final_answer(add(2, 2))') });
    await until(() => store().phase === 'idle');
    const recorded = store().events;

    store().showRecorded([]);
    expect([store().state.runs, store().events, store().runId]).toEqual([[], [], undefined]);
    store().showRecorded(recorded);
    expect(mainStatus()).toBe('success');
    expect(store().state.runs[0]!.finalAnswer).toEqual({ value: 4 });
    expect(store().phase).toBe('idle');

    store().start(playground({ model: { provider: 'manual' } }));
    await until(() => store().manualTurn !== undefined);
    store().showRecorded([]);
    expect(store().phase).toBe('running');
    expect(store().state.runs).toHaveLength(1);
    store().stop();
    await until(() => store().phase === 'idle');
  });
});

describe('the keys a run gets', () => {
  it('are only those of the origins its models call', () => {
    const keys = { 'https://api.openai.com': 'sk-openai', 'https://openrouter.ai': 'sk-or', 'http://localhost:11434': 'sk-local' };
    const doc = playground({
      model: { provider: 'openai-compatible', preset: 'openrouter', baseURL: 'http://attacker.test/v1', model: 'x' },
      agent: { managedAgents: [{ name: 'helper', description: 'helps', model: { provider: 'openai', model: 'gpt-4.1-mini' } }] },
    });
    expect(keysForPlayground(doc, keys)).toEqual({ 'https://api.openai.com': 'sk-openai' });
  });
});
