// The run store: starts a run of a playground and folds its events into RunState for the UI.
import { create } from 'zustand';
import { applyEvent, EMPTY_RUN_STATE, type AgentEvent, type RunState } from '../agent';
import type { Playground } from '../playground/schema';

export interface RunStore {
  state: RunState;
  events: AgentEvent[];
  running: boolean;
  /** Set when the run could not start (tool source errors, setup problems). */
  startError?: string;
  start: (playground: Playground) => Promise<void>;
  stop: () => void;
}

let controller: AbortController | undefined;

export const useRunStore = create<RunStore>((set, get) => ({
  state: EMPTY_RUN_STATE,
  events: [],
  running: false,
  async start(playground) {
    if (get().running) return;
    controller = new AbortController();
    set({ state: EMPTY_RUN_STATE, events: [], running: true, startError: undefined });
    try {
      // Loaded on demand: the compiler and the sandbox are large and the page is usable without them.
      const { createAgentFromPlayground } = await import('../runner');
      const agent = createAgentFromPlayground(playground);
      for await (const event of agent.run(playground.task, { signal: controller.signal })) {
        set((s) => ({ state: applyEvent(s.state, event), events: [...s.events, event] }));
      }
    } catch (error) {
      set({ startError: error instanceof Error ? error.message : String(error) });
    } finally {
      set({ running: false });
    }
  },
  stop() {
    controller?.abort(new DOMException('Stopped by the user.', 'AbortError'));
  },
}));
