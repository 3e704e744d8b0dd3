import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../agent';
import type { FromRunner, Port, ToRunner } from '../runner/runner-protocol';
import { inProcessRunner } from '../test-support/in-process-runner';
import { js, playground } from '../test-support/playgrounds';
import { setRunnerEndpointFactory } from './runner-connection';
import { HARD_STOP_MS, keysForPlayground, runIsStale, useRunStore } from './run-store';

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

describe('a run belongs to its playground', () => {
  const answer = async (pg: ReturnType<typeof playground>, itemId: string, code: string) => {
    store().start(pg, itemId);
    await until(() => store().manualTurn !== undefined);
    store().submitTurn({ text: js(code) });
    await until(() => store().phase === 'idle');
  };
  const answerOf = () => store().state.runs.find((r) => !r.parent)?.finalAnswer?.value;

  it('records the item and version it ran; an edit that changes the run makes it stale, a new title does not', async () => {
    const pg = playground({ model: { provider: 'manual' } });
    await answer(pg, 'item-a', 'final_answer(add(1, 2))');
    expect(store()).toMatchObject({ itemId: 'item-a' });
    expect(runIsStale(store(), pg, 'item-a')).toBe(false);
    expect(runIsStale(store(), { ...pg, title: 'Renamed' }, 'item-a')).toBe(false);
    expect(runIsStale(store(), { ...pg, task: 'Another task.' }, 'item-a')).toBe(true);
    expect(runIsStale(store(), { ...pg, tools: `${pg.tools}
// edited` }, 'item-a')).toBe(true);
    expect(runIsStale(store(), pg, 'item-b')).toBe(true);
    // Running again with the edit makes the run current.
    const edited = { ...pg, task: 'Another task.' };
    await answer(edited, 'item-a', 'final_answer(3)');
    expect(runIsStale(store(), edited, 'item-a')).toBe(false);
  });

  it('switching items shows each one’s last run of this tab, or the empty timeline', async () => {
    const pg = playground({ model: { provider: 'manual' } });
    store().showItem('item-a');
    await answer(pg, 'item-a', 'final_answer(add(20, 1))');
    store().showItem('item-b');
    expect([store().events, store().state.runs, store().itemId]).toEqual([[], [], 'item-b']);
    await answer(pg, 'item-b', 'final_answer(add(40, 2))');
    store().showItem('item-c');
    expect(store().events).toEqual([]);
    store().showItem('item-a');
    expect(answerOf()).toBe(21);
    expect(runIsStale(store(), pg, 'item-a')).toBe(false);
    store().showItem('item-b');
    expect(answerOf()).toBe(42);
  });

  it('a recorded run shown for an item belongs to that item and the playground it was recorded with', async () => {
    const pg = playground({ model: { provider: 'manual' } });
    await answer(pg, 'item-a', 'final_answer(5)');
    const recorded = store().events;
    store().showItem('item-link');
    store().showRecorded(recorded, 'item-link', pg);
    expect(runIsStale(store(), pg, 'item-link')).toBe(false);
    expect(runIsStale(store(), { ...pg, task: 'Changed.' }, 'item-link')).toBe(true);
    // A run shown without the playground it was made with can't be matched to this version.
    store().showRecorded(recorded, 'item-link');
    expect(runIsStale(store(), pg, 'item-link')).toBe(true);
  });

  it('refuses an empty or blank task: nothing starts, and the Task field is asked to take the focus', () => {
    for (const task of ['', '   \n ']) {
      store().start(playground({ task }), 'item-a');
      expect(store().phase).toBe('idle');
      expect(store().runId).toBeUndefined();
      expect(store().emptyTask).toEqual({ focus: true });
      store().taskFocused();
      expect(store().emptyTask).toEqual({ focus: false });
      store().clearEmptyTask();
      expect(store().emptyTask).toBeUndefined();
    }
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

  it("include the token of each MCP server's origin, and no other", () => {
    const keys = { 'https://mcp.example.com': 'mcp-token', 'https://other.example.com': 'not-sent', 'https://api.openai.com': 'sk-openai' };
    const doc = playground({ mcpServers: [{ name: 'weather', url: 'https://mcp.example.com/v2/mcp' }] });
    expect(keysForPlayground(doc, keys)).toEqual({ 'https://mcp.example.com': 'mcp-token' });
  });

  it("include the Brave Search key only when the built-in web_search is on", () => {
    const keys = { 'https://api.search.brave.com': 'bsk', 'https://api.openai.com': 'sk-openai' };
    expect(keysForPlayground(playground({ builtinTools: ['web_search'] }), keys)).toEqual({ 'https://api.search.brave.com': 'bsk' });
    expect(keysForPlayground(playground({ builtinTools: ['user_input'] }), keys)).toEqual({});
  });
});
