// The run store: starts a run in the runner worker, folds its events into RunState, and carries manual turns and Stop.
import { create } from 'zustand';
import { applyEvent, EMPTY_RUN_STATE, foldEvents, stepsOfRun, type AgentEvent, type RunState } from '../agent';
import type { ModelRequest, ModelResponse } from '../models/types';
import { addUsage, ZERO_USAGE } from '../models/usage';
import type { Playground } from '../playground/schema';
import { contactAddresses } from '../trust/contact-addresses';
import { useKeyStore } from './key-store';
import { getRunner, restartRunner } from './runner-connection';

/** How long Stop waits for the run to wind down before the runner (and its sandbox) is shut down. */
export const HARD_STOP_MS = 1_000;

export type RunPhase = 'idle' | 'running' | 'stopping';

export interface ManualTurnRequest {
  turnId: number;
  request: ModelRequest;
}

export interface RunStore {
  phase: RunPhase;
  runId?: string;
  state: RunState;
  events: AgentEvent[];
  /** Set when the run could not start (tool source errors, setup problems). */
  startError?: string;
  /** The model's turn the person is asked to write (manual model). */
  manualTurn?: ManualTurnRequest;
  start: (playground: Playground) => void;
  stop: () => void;
  submitTurn: (response: ModelResponse) => void;
  /** Shows a recorded run (a shared link, an imported trace; [] clears the timeline). Only while no run is going. */
  showRecorded: (events: AgentEvent[]) => void;
}

let counter = 0;

export const useRunStore = create<RunStore>((set, get) => {
  const finish = (runId: string, error?: string) => {
    if (get().runId !== runId) return;
    set({ phase: 'idle', manualTurn: undefined, ...(error ? { startError: error } : {}) });
  };

  return {
    phase: 'idle',
    state: EMPTY_RUN_STATE,
    events: [],
    start(playground) {
      if (get().phase !== 'idle') return;
      const runId = `run-${Date.now()}-${++counter}`;
      set({ phase: 'running', runId, state: EMPTY_RUN_STATE, events: [], startError: undefined, manualTurn: undefined });
      const secrets = { keys: keysForPlayground(playground, useKeyStore.getState().keys), ...(typeof location === 'undefined' ? {} : { pageOrigin: location.origin }) };
      getRunner('run').start(runId, playground, {
        onEvents(events) {
          if (get().runId !== runId) return;
          set((s) => ({ state: events.reduce(applyEvent, s.state), events: [...s.events, ...events] }));
        },
        onManualTurn: (turn) => get().runId === runId && set({ manualTurn: turn }),
        onDone: (error) => finish(runId, error),
      }, secrets);
    },
    stop() {
      const { phase, runId } = get();
      if (phase !== 'running' || !runId) return;
      set({ phase: 'stopping', manualTurn: undefined });
      getRunner('run').abort(runId);
      setTimeout(() => {
        const now = get();
        if (now.runId !== runId || now.phase !== 'stopping') return;
        // The sandbox is busy in synchronous code and can't hear the abort: shut the runner down.
        restartRunner('run');
        const ends = abortedEnds(now.state, now.events.at(-1)?.t ?? 0);
        set((s) => ({ state: ends.reduce(applyEvent, s.state), events: [...s.events, ...ends] }));
        finish(runId);
      }, HARD_STOP_MS);
    },
    submitTurn(response) {
      const { runId, manualTurn } = get();
      if (!runId || !manualTurn) return;
      set({ manualTurn: undefined });
      getRunner('run').answer(runId, manualTurn.turnId, response);
    },
    showRecorded(events) {
      if (get().phase !== 'idle') return;
      set({ runId: undefined, state: foldEvents(events), events, startError: undefined, manualTurn: undefined });
    },
  };
});

/** The keys of the origins this playground's models call, and no others: the runner never holds a key it can't use. */
export function keysForPlayground(playground: Playground, keys: Readonly<Record<string, string>>): Record<string, string> {
  const origins = contactAddresses(playground).filter((a) => a.kind === 'model').map((a) => a.address);
  return Object.fromEntries(origins.filter((o) => keys[o]).map((o) => [o, keys[o]!]));
}

/** `run_end` events that close every unfinished agent run as aborted, innermost first. */
export function abortedEnds(state: RunState, t: number): AgentEvent[] {
  return state.runs
    .filter((run) => run.status === 'running')
    .reverse()
    .map((run) => ({
      type: 'run_end' as const,
      agent: run.agent,
      ...(run.parent ? { parent: run.parent } : {}),
      t,
      status: 'aborted' as const,
      usage: stepsOfRun(state, run.key).reduce((sum, s) => (s.usage ? addUsage(sum, s.usage) : sum), ZERO_USAGE),
      durationMs: Math.max(0, Date.now() - Date.parse(run.startedAt)),
      error: { type: 'AbortError', message: 'Stopped by the user while the sandbox was busy: the sandbox was shut down and restarted.' },
    }));
}
