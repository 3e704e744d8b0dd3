// The one way the UI starts a run of the open playground: a playground from outside whose addresses await review does
// not run (nothing is contacted before the person accepts them); the banner says why.
import { pendingForCurrent, useTrustStore } from './trust-store';
import { useLibraryStore } from './library-store';
import { usePlaygroundStore } from './playground-store';
import { useRunStore } from './run-store';

/** Starts the open playground, or holds it for review; true when it started. */
export function runOpenPlayground(): boolean {
  const pending = pendingForCurrent();
  const itemId = useLibraryStore.getState().currentId;
  if (pending.length > 0 && itemId) {
    useTrustStore.getState().refuseRun(itemId);
    return false;
  }
  useRunStore.getState().start(usePlaygroundStore.getState().doc);
  return true;
}
