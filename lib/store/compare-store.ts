// Compare: runs the open playground under setup A, then setup B, in the runner, and keeps both runs' states.
import { create } from 'zustand';
import type { AgentEvent } from '../agent/events';
import { applyEvent, EMPTY_RUN_STATE, foldEvents, type RunState } from '../agent/run-state';
import type { Playground } from '../playground/schema';
import { CompareSetupError, DEFAULT_COMPARE, playgroundForSetup, setupLabel, type CompareSetup } from '../runner/compare-setup';
import { useKeyStore } from './key-store';
import { keysForPlayground } from './run-store';
import { keptRunEvents } from './run-history-store';
import type { RunRecord } from './run-history-db';
import { getRunner } from './runner-connection';

export type CompareSideName = 'a' | 'b';

export interface CompareSide {
  setup: CompareSetup;
  label: string;
  state: RunState;
  phase: 'idle' | 'running' | 'done';
  error?: string;
  runId?: string;
}

export interface CompareStore {
  open: boolean;
  a: CompareSide;
  b: CompareSide;
  /** A setup that can't be made (e.g. a bare model id on a replay playground). */
  problem?: string;
  setSetup: (side: CompareSideName, setup: CompareSetup) => void;
  /** Opens the comparison and runs `playground` under A then B. */
  start: (playground: Playground) => void;
  /** Opens the comparison of two kept runs (Runs history), as they were recorded. */
  showKept: (a: RunRecord, b: RunRecord) => Promise<void>;
  stop: () => void;
  close: () => void;
}

/** How a kept run is named in the comparison: agent type, model and when it started. */
export function keptRunLabel(record: RunRecord): string {
  const type = record.agentType === 'tool-calling' ? 'ToolCallingAgent' : 'CodeAgent';
  return `${type} · ${record.model} · ${record.startedAt.replace('T', ' ').slice(0, 19)}`;
}

const emptySide = (setup: CompareSetup): CompareSide => ({ setup, label: '', state: EMPTY_RUN_STATE, phase: 'idle' });
let counter = 0;
/** Set by Stop, so B does not start after A winds down. */
let stopped = false;

export const useCompareStore = create<CompareStore>((set, get) => {
  const runSide = (name: CompareSideName, doc: Playground, then?: () => void) => {
    const runId = `compare-${name}-${Date.now()}-${++counter}`;
    set((s) => ({ [name]: { ...s[name], runId, phase: 'running', state: EMPTY_RUN_STATE, error: undefined } }));
    const mine = () => get()[name].runId === runId;
    getRunner('run').start(
      runId,
      doc,
      {
        onEvents(events: AgentEvent[]) {
          if (mine()) set((s) => ({ [name]: { ...s[name], state: events.reduce(applyEvent, s[name].state) } }));
        },
        onManualTurn() {
          // A manual model would wait for the person in the main timeline: a comparison doesn't ask.
          if (mine()) getRunner('run').abort(runId);
        },
        onDone(error?: string) {
          if (!mine()) return;
          set((s) => ({ [name]: { ...s[name], phase: 'done', ...(error ? { error } : {}) } }));
          if (!stopped) then?.();
        },
      },
      { keys: keysForPlayground(doc, useKeyStore.getState().keys), ...(typeof location === 'undefined' ? {} : { pageOrigin: location.origin }) },
      { keepSession: false, stepThrough: false },
    );
  };

  return {
    open: false,
    a: emptySide(DEFAULT_COMPARE.a),
    b: emptySide(DEFAULT_COMPARE.b),
    setSetup: (side, setup) => set((s) => ({ [side]: { ...s[side], setup } })),
    start(playground) {
      const { a, b } = get();
      if (a.phase === 'running' || b.phase === 'running') return;
      let docA: Playground, docB: Playground;
      try {
        docA = playgroundForSetup(playground, a.setup);
        docB = playgroundForSetup(playground, b.setup);
      } catch (error) {
        if (!(error instanceof CompareSetupError)) throw error;
        set({ open: true, problem: error.message });
        return;
      }
      set({
        open: true,
        problem: undefined,
        a: { ...emptySide(a.setup), label: `A: ${setupLabel(a.setup, playground)}` },
        b: { ...emptySide(b.setup), label: `B: ${setupLabel(b.setup, playground)}` },
      });
      stopped = false;
      // One after the other: the runner has one sandbox per run, and timings stay comparable.
      runSide('a', docA, () => runSide('b', docB));
    },
    async showKept(recordA, recordB) {
      const { a, b } = get();
      if (a.phase === 'running' || b.phase === 'running') return;
      const [eventsA, eventsB] = await Promise.all([keptRunEvents(recordA.id), keptRunEvents(recordB.id)]);
      if (!eventsA || !eventsB) {
        set({ open: true, problem: 'A kept run’s events are missing from the browser’s storage: it can’t be compared.' });
        return;
      }
      const kept = (setup: CompareSetup, label: string, events: AgentEvent[]): CompareSide => ({ setup, label, state: foldEvents(events), phase: 'done' });
      set({ open: true, problem: undefined, a: kept(a.setup, `A: ${keptRunLabel(recordA)}`, eventsA), b: kept(b.setup, `B: ${keptRunLabel(recordB)}`, eventsB) });
    },
    stop() {
      stopped = true;
      for (const name of ['a', 'b'] as const) {
        const side = get()[name];
        if (side.phase === 'running' && side.runId) getRunner('run').abort(side.runId);
      }
      set((s) => ({ b: s.b.phase === 'idle' ? { ...s.b, phase: 'done', error: 'not run: the comparison was stopped' } : s.b }));
    },
    close() {
      get().stop();
      set({ open: false });
    },
  };
});
