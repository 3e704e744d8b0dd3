// The embed's state (/embed/<id>): a published record's recorded run, shown whole, and Replay showing its events
// again one after another. Holds no key and reaches no model or sandbox: it only reads the record it was given.
import { createStore, type StoreApi } from 'zustand';
import type { AgentEvent } from '../agent/events';
import { foldEvents, EMPTY_RUN_STATE, type RunState } from '../agent/run-state';
import type { Playground } from '../playground/schema';
import { readPublishedPayload } from '../trace/published-payload';
import { DEFAULT_REPLAY_PACE, replayGaps, type ReplayPace } from '../trace/replay-schedule';

export interface EmbedStore {
  playground?: Playground;
  events: AgentEvent[];
  /** How many of the events are shown (all of them, except while a replay is going). */
  shown: number;
  state: RunState;
  replaying: boolean;
  problem?: string;
  /** Takes the record's payload (checked as a link's is). */
  load: (payload: unknown) => void;
  /** Shows the run again from its start, event by event. */
  replay: (pace?: ReplayPace) => void;
  /** Shows the whole run at once. */
  stopReplay: () => void;
}

/** One store per embed on the page (and per server render: nothing is shared between requests). */
export function createEmbedStore(payload?: unknown): StoreApi<EmbedStore> {
  const store = createStore<EmbedStore>((set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (shown: number) => set({ shown, state: foldEvents(get().events.slice(0, shown)) });
    return {
      events: [],
      shown: 0,
      state: EMPTY_RUN_STATE,
      replaying: false,
      load(payload) {
        clearTimeout(timer);
        const read = readPublishedPayload(payload);
        if (!read.ok) return set({ problem: `This published playground could not be shown: ${read.message}`, playground: undefined, events: [], shown: 0, state: EMPTY_RUN_STATE, replaying: false });
        const events = read.payload.run?.events ?? [];
        set({ playground: read.payload.playground, events, problem: undefined, replaying: false });
        show(events.length);
      },
      replay(pace = DEFAULT_REPLAY_PACE) {
        clearTimeout(timer);
        const { events } = get();
        if (events.length === 0) return;
        const gaps = replayGaps(events, pace);
        set({ replaying: true });
        show(0);
        const next = (i: number) => {
          if (i >= events.length) return set({ replaying: false });
          timer = setTimeout(() => {
            show(i + 1);
            next(i + 1);
          }, gaps[i]);
        };
        next(0);
      },
      stopReplay() {
        clearTimeout(timer);
        set({ replaying: false });
        show(get().events.length);
      },
    };
  });
  if (payload !== undefined) store.getState().load(payload);
  return store;
}
