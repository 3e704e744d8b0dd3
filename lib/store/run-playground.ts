// The one way the UI starts a run of the open playground: a playground from outside whose addresses await review does
// not run (nothing is contacted before the person accepts them); the banner says why. An empty task is refused at the
// Task field (its tab opened), and nothing is sent.
import type { ForkPrefix } from '../agent/agent';
import { pendingForCurrent, useTrustStore } from './trust-store';
import { useLibraryStore } from './library-store';
import { usePlaygroundStore } from './playground-store';
import { useRunStore } from './run-store';
import { useUiStore } from './ui-store';

/** Starts the open playground (as a fork of a recorded run with `fork`), or holds it for review; true when it started. */
export function runOpenPlayground(fork?: ForkPrefix): boolean {
  const { doc } = usePlaygroundStore.getState();
  const itemId = useLibraryStore.getState().currentId;
  if (!doc.task.trim()) {
    useUiStore.getState().setTab('task');
    useRunStore.getState().start(doc, itemId);
    return false;
  }
  const pending = pendingForCurrent();
  if (pending.length > 0 && itemId) {
    useTrustStore.getState().refuseRun(itemId);
    return false;
  }
  useRunStore.getState().start(doc, itemId, fork);
  return true;
}
