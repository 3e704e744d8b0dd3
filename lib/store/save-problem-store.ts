// A save to this browser's storage that failed (storage full, a write refused): reported once, in one notice,
// however many saves fail after it, until a save succeeds again. Kept apart from the stores that save, so that
// reporting a failure is never itself a change they try to save (which failed again, and reported again …).
import { create } from 'zustand';

export type SaveSource = 'playground' | 'library';

export interface SaveProblem {
  message: string;
  /** Storage is full (the quota was exceeded): the notice says to export, as nothing more fits. */
  full: boolean;
}

export interface SaveProblemStore {
  problem?: SaveProblem;
  /** The sources whose last save failed; while any does, no new notice is raised. */
  failing: SaveSource[];
  dismiss: () => void;
}

export const useSaveProblemStore = create<SaveProblemStore>((set) => ({
  failing: [],
  dismiss: () => set({ problem: undefined }),
}));

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(error instanceof Error ? error.message : String(error));
}

/** A save by `source` failed: the first failure of a streak raises the notice; later ones only keep it. */
export function reportSaveFailure(source: SaveSource, error: unknown): void {
  const { failing } = useSaveProblemStore.getState();
  if (failing.includes(source)) return;
  const reported = failing.length > 0;
  const next = [...failing, source];
  if (reported) return useSaveProblemStore.setState({ failing: next });
  const full = isQuotaError(error);
  const reason = error instanceof Error ? error.message : String(error);
  const message = full
    ? `Your work could not be saved: this browser's storage for the app is full (${reason}). Export the playground to keep it, or delete saved playgrounds you no longer need. Saving is tried again at your next edit.`
    : `Your work could not be saved in this browser (${reason}). Export the playground to keep it. Saving is tried again at your next edit.`;
  useSaveProblemStore.setState({ failing: next, problem: { message, full } });
}

/** A save by `source` worked: a later failure is news again. The notice stays until dismissed. */
export function reportSaveSuccess(source: SaveSource): void {
  const { failing } = useSaveProblemStore.getState();
  if (failing.includes(source)) useSaveProblemStore.setState({ failing: failing.filter((s) => s !== source) });
}
