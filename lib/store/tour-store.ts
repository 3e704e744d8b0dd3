// The first-visit tour: whether this browser was offered it and answered (kept in local storage), and which callout
// is open. Once the person says No thanks, ends the tour or finishes it, the offer never comes back by itself.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const TOUR_STORAGE = 'agent-playground:tour';
/** The callouts, in order: the task, the tools as the model sees them, Run, one step card. */
export const TOUR_STEPS = ['task', 'tools', 'run', 'step'] as const;
export type TourStepId = (typeof TOUR_STEPS)[number];

/** `new`: never answered, so the offer shows. `dismissed`: No thanks. `ended`: ended midway. `finished`: saw all four. */
export type TourStatus = 'new' | 'dismissed' | 'ended' | 'finished';

export interface TourStore {
  /** False until the stored answer was read: the offer waits for it, so it never flashes for someone who answered. */
  hydrated: boolean;
  status: TourStatus;
  /** The open callout (an index into TOUR_STEPS), or undefined when no tour is going. Never stored. */
  step?: number;
  /** Take the tour (from the offer, or from a link to `/?tour`): opens the first callout. */
  start: () => void;
  next: () => void;
  back: () => void;
  /** No thanks: the offer goes away for good. */
  dismiss: () => void;
  /** End tour, Escape, or the last callout's way out: the tour closes for good. */
  end: () => void;
}

let storage: () => Storage | undefined = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** For tests: where the answer is kept. */
export function setTourStorage(next: () => Storage | undefined): void {
  storage = next;
}

/** A full or refused storage only means the answer lasts for this page; it must not break the buttons. */
function forgiving(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  // The storage is looked up on every use, so tests can swap it.
  return {
    getItem: (key) => {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem: (key, value) => {
      try {
        storage()?.setItem(key, value);
      } catch {
        // Kept in memory only.
      }
    },
    removeItem: (key) => {
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing to undo.
      }
    },
  };
}

const STATUSES: readonly TourStatus[] = ['new', 'dismissed', 'ended', 'finished'];

export const useTourStore = create<TourStore>()(
  persist(
    (set, get) => ({
      hydrated: false,
      status: 'new',
      step: undefined,
      start: () => set({ step: 0 }),
      next: () => {
        const { step } = get();
        if (step === undefined) return;
        if (step + 1 < TOUR_STEPS.length) set({ step: step + 1 });
        else set({ step: undefined, status: 'finished' });
      },
      back: () => {
        const { step } = get();
        if (step !== undefined && step > 0) set({ step: step - 1 });
      },
      dismiss: () => set({ step: undefined, status: 'dismissed' }),
      end: () => {
        const { step } = get();
        set({ step: undefined, status: step === TOUR_STEPS.length - 1 ? 'finished' : 'ended' });
      },
    }),
    {
      name: TOUR_STORAGE,
      version: 1,
      storage: createJSONStorage(forgiving),
      skipHydration: true,
      // Anything unexpected in storage counts as a first visit; a broken value must not hide the app behind errors.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<TourStore>;
        return { ...current, ...(typeof p.status === 'string' && STATUSES.includes(p.status) ? { status: p.status } : {}) };
      },
      partialize: ({ status }) => ({ status }),
      onRehydrateStorage: () => () => useTourStore.setState({ hydrated: true }),
    },
  ),
);

/** Reads the stored answer (once the page is in the browser). */
export async function hydrateTourStore(): Promise<void> {
  await useTourStore.persist.rehydrate();
  useTourStore.setState({ hydrated: true });
}

/** The offer shows on a first visit only, and never while a tour is going. */
export function offerShows(s: Pick<TourStore, 'hydrated' | 'status' | 'step'>): boolean {
  return s.hydrated && s.status === 'new' && s.step === undefined;
}
