// Showing one step of the run on screen: asked for by a link (`#step=3`, `#share=…&step=3`) or a step's own link; the
// timeline scrolls to it, opens it and moves focus there, or says why it can't.
import { create } from 'zustand';
import { useUiStore } from './ui-store';

export interface StepRequest {
  step: number;
  /** Grows with every request, so asking for the same step again shows it again. */
  id: number;
}

export interface StepFocusStore {
  /** Waiting for the timeline (which may wait for the step to arrive while the run goes on). */
  request?: StepRequest;
  /** The step last shown: its card opens its model input. */
  shown?: StepRequest;
  /** Why the last request could not be shown. */
  problem?: string;
  focusStep: (step: number) => void;
  /** The timeline showed the request. */
  showed: (request: StepRequest) => void;
  fail: (problem: string) => void;
  dismissProblem: () => void;
}

let nextId = 1;

export const useStepFocusStore = create<StepFocusStore>((set) => ({
  focusStep(step) {
    // On a phone the run is a view of its own: show it.
    useUiStore.getState().setView('run');
    set({ request: { step, id: nextId++ }, problem: undefined });
  },
  showed: (request) => set((s) => (s.request?.id === request.id ? { request: undefined, shown: request } : {})),
  fail: (problem) => set({ request: undefined, problem }),
  dismissProblem: () => set({ problem: undefined }),
}));
