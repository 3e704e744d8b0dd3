import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../agent';
import { inProcessRunner } from '../test-support/in-process-runner';
import { js, playground, runToEnd } from '../test-support/playgrounds';
import { openRunHistoryDb, RUNS_KEPT } from './run-history-db';
import { keepRunsInHistory, setRunHistoryDb, useRunHistoryStore } from './run-history-store';
import { setRunnerEndpointFactory } from './runner-connection';
import { runIsStale, useRunStore } from './run-store';

const history = () => useRunHistoryStore.getState();
const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** A recorded run whose run id is `id` (its answer is `answer`). */
async function recorded(id: string, answer: number): Promise<AgentEvent[]> {
  const { events } = await runToEnd(playground({ responses: [js(`final_answer(${answer})`)] }));
  return events.map((e) => (e.type === 'run_start' ? { ...e, runId: id } : e));
}

let factory: IDBFactory;
beforeEach(async () => {
  factory = new IDBFactory();
  setRunHistoryDb(openRunHistoryDb(factory));
  useRunHistoryStore.setState({ itemId: undefined, runs: [], dropped: [], deleted: undefined, shownId: undefined, problem: undefined });
  await history().load('item-1');
});

describe('run history', () => {
  it('keeps runs newest first with their facts, and they are still there when the database is opened again (a reload)', async () => {
    await history().save(await recorded('run-a', 1), 'item-1', { fingerprint: 'f1', cost: 0.5 });
    await history().save(await recorded('run-b', 2), 'item-1', { fingerprint: 'f1' });
    await history().save(await recorded('run-other', 3), 'item-2', {});
    expect(history().runs.map((r) => r.id)).toEqual(['run-b', 'run-a']);
    expect(history().runs[1]).toMatchObject({ model: 'replay', agentType: 'code', status: 'success', steps: 1, cost: 0.5, fingerprint: 'f1' });

    setRunHistoryDb(openRunHistoryDb(factory));
    useRunHistoryStore.setState({ itemId: undefined, runs: [] });
    await history().load('item-1');
    expect(history().runs.map((r) => r.id)).toEqual(['run-b', 'run-a']);
    expect(await history().show('run-a')).toBe(true);
    expect(useRunStore.getState().state.runs[0]!.finalAnswer).toEqual({ value: 1 });
  });

  it(`keeps the last ${RUNS_KEPT} runs of a playground, dropping the oldest first and saying which`, async () => {
    const events = await recorded('x', 1);
    for (let i = 0; i <= RUNS_KEPT; i++) {
      await history().save(
        events.map((e) => (e.type === 'run_start' ? { ...e, runId: `run-${i}` } : e)),
        'item-1',
        {},
      );
    }
    expect(history().runs).toHaveLength(RUNS_KEPT);
    expect(history().runs.at(-1)!.id).toBe('run-1');
    expect(history().dropped.map((r) => r.id)).toEqual(['run-0']);
    history().dismissDropped();
    expect(history().dropped).toEqual([]);
  });

  it('deletes a run without asking, and Undo puts it back with its events', async () => {
    await history().save(await recorded('run-a', 1), 'item-1', {});
    await history().save(await recorded('run-b', 2), 'item-1', {});
    await history().remove('run-a');
    expect(history().runs.map((r) => r.id)).toEqual(['run-b']);
    expect(history().deleted?.record.id).toBe('run-a');
    await history().undoDelete();
    expect(history().runs.map((r) => r.id)).toEqual(['run-b', 'run-a']);
    expect(await history().show('run-a')).toBe(true);
    expect(useRunStore.getState().state.runs[0]!.finalAnswer).toEqual({ value: 1 });
  });

  it('a run shown from the history knows the playground it was made with: another version is an earlier one', async () => {
    const doc = playground({ responses: [js('final_answer(1)')] });
    await history().save(await recorded('run-a', 1), 'item-1', { fingerprint: 'not-this-version' });
    await history().show('run-a');
    expect(runIsStale(useRunStore.getState(), doc, 'item-1')).toBe(true);
  });

  it('says so, and breaks nothing, when the browser keeps no IndexedDB', async () => {
    setRunHistoryDb(openRunHistoryDb(undefined as unknown as IDBFactory));
    await history().save(await recorded('run-a', 1), 'item-1', {});
    expect(history().problem).toMatch(/Runs can’t be kept in this browser: this browser has no IndexedDB/);
    expect(history().runs).toEqual([]);
  });
});

describe('keeping the runs made in the tab', () => {
  const closers: (() => void)[] = [];
  afterEach(() => closers.splice(0).forEach((close) => close()));

  it('saves a run when it ends, as a run of its library item, priced by the given function', async () => {
    setRunnerEndpointFactory(() => {
      const runner = inProcessRunner();
      closers.push(runner.terminate);
      return runner;
    });
    closers.push(keepRunsInHistory(() => 0.25));
    useRunStore.getState().start(playground({ responses: [js('final_answer(add(2, 2))')] }), 'item-1');
    await until(() => history().runs.length === 1);
    expect(history().runs[0]).toMatchObject({ status: 'success', steps: 1, cost: 0.25, itemId: 'item-1' });
    expect(history().runs[0]!.fingerprint).toBe(useRunStore.getState().fingerprint);
    expect(history().shownId).toBe(history().runs[0]!.id);
  });
});
