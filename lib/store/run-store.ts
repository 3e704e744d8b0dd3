// The run store: starts a run in the runner worker, folds its events into RunState, and carries manual turns and Stop.
import { create } from 'zustand';
import type { ForkPrefix } from '../agent/agent';
import type { AgentEvent } from '../agent/events';
import { applyEvent, EMPTY_RUN_STATE, foldEvents, stepsOfRun, type RunState } from '../agent/run-state';
import type { ModelRequest, ModelResponse } from '../models/types';
import { BRAVE_SEARCH_ORIGIN } from '../builtins/web-search';
import { originOf } from '../models/key-origin';
import { addUsage, ZERO_USAGE } from '../models/usage';
import { runFingerprint } from '../playground/run-fingerprint';
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
  /** The built-in user_input's question, waiting for the person's answer. */
  question?: { questionId: number; question: string };
  /** Sends the person's answer to user_input's question. */
  answerQuestion: (answer: string) => void;
  /** The library item the run shown belongs to, and the fingerprint of the playground it ran (see runFingerprint). */
  itemId?: string;
  fingerprint?: string;
  /** Set when Run was refused because the task is empty: the Task field says so and takes the focus. */
  emptyTask?: { focus: boolean };
  /** Step through: runs started pause after every step. */
  stepThrough: boolean;
  setStepThrough: (on: boolean) => void;
  /** Set while a stepped run waits after this step for Next step or Continue. */
  paused?: { step: number };
  /** The run shown ended and its session is kept: a follow-up task can continue it. */
  continuable: boolean;
  /** Starts `playground` (of library item `itemId`); an empty task is refused and nothing is sent. `fork`: start from a recorded prefix. */
  start: (playground: Playground, itemId?: string, fork?: ForkPrefix) => void;
  /** A paused run runs one more step. */
  nextStep: () => void;
  /** A paused run runs to its end, no longer pausing. */
  continueRun: () => void;
  /** The finished run takes `task`, keeping its memory and sandbox session; false when it can't (nothing to continue, empty task). */
  followUp: (task: string) => boolean;
  stop: () => void;
  submitTurn: (response: ModelResponse) => void;
  /**
   * Shows a recorded run (a shared link, an imported trace, a kept run; [] clears the timeline) as item `itemId`'s run
   * of `playground` (or of the playground with that fingerprint). Only while no run is going.
   */
  showRecorded: (events: AgentEvent[], itemId?: string, playground?: Playground | string) => void;
  /** Shows the last run of library item `itemId` in this tab, or the empty timeline; the run shown is kept for its own item. */
  showItem: (itemId: string) => void;
  /** The Task field took the focus after a refused Run; the message stays until the task is edited. */
  taskFocused: () => void;
  clearEmptyTask: () => void;
}

/** What the timeline of one library item showed last in this tab. */
interface ItemRun {
  state: RunState;
  events: AgentEvent[];
  startError?: string;
  fingerprint?: string;
}

/** Every item's last run in this tab (kept in memory only: a reload starts with empty timelines). */
const lastRuns = new Map<string, ItemRun>();

let counter = 0;

export const useRunStore = create<RunStore>((set, get) => {
  const finish = (runId: string, error?: string) => {
    if (get().runId !== runId) return;
    set({ phase: 'idle', manualTurn: undefined, question: undefined, paused: undefined, continuable: false, ...(error ? { startError: error } : {}) });
  };
  /** A kept session no one will continue (another run starts, another run is shown) is ended in the runner. */
  const endSession = () => {
    const { runId, continuable } = get();
    if (runId && continuable) getRunner('run').abort(runId);
  };
  const handlers = (runId: string) => ({
    onEvents(events: AgentEvent[]) {
      if (get().runId !== runId) return;
      set((s) => ({ state: events.reduce(applyEvent, s.state), events: [...s.events, ...events], paused: undefined }));
      // A question whose call ended without an answer (the step's time limit, Stop) is no longer asked.
      if (get().question && events.some((e) => e.type === 'tool_call_end' && e.name === 'user_input')) set({ question: undefined });
      // The task ended: the run is idle, its session kept for a follow-up (a stopped run is not continued).
      const end = events.findLast((e) => e.type === 'run_end' && e.agent === 'main' && !e.parent);
      if (end?.type === 'run_end') set({ phase: 'idle', manualTurn: undefined, question: undefined, continuable: end.status !== 'aborted' });
    },
    onManualTurn: (turn: ManualTurnRequest) => get().runId === runId && set({ manualTurn: turn }),
    onQuestion: (question: { questionId: number; question: string }) => get().runId === runId && set({ question }),
    onPaused: (step: number) => get().runId === runId && get().phase === 'running' && set({ paused: { step } }),
    onDone: (error?: string) => finish(runId, error),
  });

  return {
    phase: 'idle',
    state: EMPTY_RUN_STATE,
    events: [],
    stepThrough: false,
    continuable: false,
    setStepThrough: (on) => set({ stepThrough: on }),
    start(playground, itemId = get().itemId, fork) {
      if (get().phase !== 'idle') return;
      if (!playground.task.trim()) {
        set({ emptyTask: { focus: true } });
        return;
      }
      endSession();
      const runId = `run-${Date.now()}-${++counter}`;
      set({ phase: 'running', runId, itemId, fingerprint: runFingerprint(playground), emptyTask: undefined, state: EMPTY_RUN_STATE, events: [], startError: undefined, manualTurn: undefined, question: undefined, paused: undefined, continuable: false });
      const secrets = { keys: keysForPlayground(playground, useKeyStore.getState().keys), ...(typeof location === 'undefined' ? {} : { pageOrigin: location.origin }) };
      const options = { keepSession: true, stepThrough: get().stepThrough, ...(fork ? { fork } : {}) };
      getRunner('run').start(runId, playground, handlers(runId), secrets, options);
    },
    nextStep() {
      const { runId, paused } = get();
      if (!runId || !paused) return;
      set({ paused: undefined });
      getRunner('run').resume(runId, 'step');
    },
    continueRun() {
      const { runId, paused } = get();
      if (!runId || !paused) return;
      set({ paused: undefined });
      getRunner('run').resume(runId, 'continue');
    },
    followUp(task) {
      const { runId, continuable, phase } = get();
      if (!runId || !continuable || phase !== 'idle' || !task.trim()) return false;
      set({ phase: 'running', continuable: false });
      getRunner('run').followUp(runId, task.trim());
      return true;
    },
    stop() {
      const { phase, runId } = get();
      if (phase !== 'running' || !runId) return;
      set({ phase: 'stopping', manualTurn: undefined, question: undefined, paused: undefined });
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
    answerQuestion(answer) {
      const { runId, question } = get();
      if (!runId || !question) return;
      set({ question: undefined });
      getRunner('run').answerQuestion(runId, question.questionId, answer);
    },
    submitTurn(response) {
      const { runId, manualTurn } = get();
      if (!runId || !manualTurn) return;
      set({ manualTurn: undefined, question: undefined });
      getRunner('run').answer(runId, manualTurn.turnId, response);
    },
    showRecorded(events, itemId = get().itemId, playground) {
      if (get().phase !== 'idle') return;
      endSession();
      set({ continuable: false, runId: undefined, itemId, fingerprint: typeof playground === 'string' ? playground : playground ? runFingerprint(playground) : undefined, state: foldEvents(events), events, startError: undefined, manualTurn: undefined, question: undefined });
    },
    showItem(itemId) {
      const now = get();
      if (now.phase !== 'idle') return;
      if (now.itemId !== undefined) {
        if (now.events.length || now.startError) lastRuns.set(now.itemId, { state: now.state, events: now.events, startError: now.startError, fingerprint: now.fingerprint });
        else lastRuns.delete(now.itemId);
      }
      const next = lastRuns.get(itemId);
      endSession();
      set({
        continuable: false,
        runId: undefined,
        itemId,
        fingerprint: next?.fingerprint,
        state: next?.state ?? EMPTY_RUN_STATE,
        events: next?.events ?? [],
        startError: next?.startError,
        manualTurn: undefined, question: undefined,
        emptyTask: undefined,
      });
    },
    taskFocused: () => get().emptyTask?.focus && set({ emptyTask: { focus: false } }),
    clearEmptyTask: () => get().emptyTask && set({ emptyTask: undefined }),
  };
});

/** Whether the run shown was made with another playground than `doc` of item `itemId` (an earlier version, or another item). */
export function runIsStale(run: Pick<RunStore, 'itemId' | 'fingerprint'> & { events: readonly unknown[] }, doc: Playground, itemId: string | undefined): boolean {
  if (run.events.length === 0) return false;
  return run.itemId !== itemId || run.fingerprint === undefined || run.fingerprint !== runFingerprint(doc);
}

/** The keys of the origins this playground's models call, and no others: the runner never holds a key it can't use. */
export function keysForPlayground(playground: Playground, keys: Readonly<Record<string, string>>): Record<string, string> {
  // The models' origins and the MCP servers': a token is kept like a key, by origin.
  const origins = [
    ...contactAddresses(playground).filter((a) => a.kind === 'model').map((a) => a.address),
    ...playground.mcpServers.flatMap((s) => originOf(s.url) ?? []),
    // The built-in web_search's key, kept like a model's, goes to its API only.
    ...(playground.builtinTools?.includes('web_search') ? [BRAVE_SEARCH_ORIGIN] : []),
  ];
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
