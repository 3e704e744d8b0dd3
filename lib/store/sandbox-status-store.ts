// Where the page's WebContainer stands (checking, booting, installing, ready, unavailable and why), for the UI, and
// the one way to get it ready for a run. The container itself lives in lib/sandbox/webcontainer.
import { create } from 'zustand';
import { getPageWebContainerHost } from '../sandbox/webcontainer/page-webcontainer';
import type { Readiness, WebContainerHost } from '../sandbox/webcontainer/webcontainer-host';
import type { WebContainerStatus } from '../sandbox/webcontainer/webcontainer-status';

export interface SandboxStatusStore {
  webContainer: WebContainerStatus;
  /** Boots the WebContainer if it isn't yet (the person chose it): the status shows how that goes. */
  warmUp: () => void;
  /** After a failed boot: boots again, with the same countdown (otherwise the same as warmUp). */
  retry: () => Promise<Readiness>;
  /** Boots (once) and installs the packages a run needs; resolves with the outcome, never rejects. */
  prepare: (packages: readonly string[]) => Promise<Readiness>;
}

let connected: WebContainerHost | undefined;

export const useSandboxStatusStore = create<SandboxStatusStore>((set) => {
  /** Follows the page's host from its first use on (the host is created lazily, and tests may swap it). */
  const host = () => {
    const current = getPageWebContainerHost();
    if (connected !== current) {
      connected = current;
      current.subscribe((status) => {
        if (connected === current) set({ webContainer: status });
      });
      set({ webContainer: current.status });
    }
    return current;
  };
  return {
    webContainer: { state: 'idle' },
    warmUp: () => void host().boot(),
    retry: () => host().retry(),
    prepare: (packages) =>
      host()
        .ensureReady(packages)
        .catch((error: unknown): Readiness => ({ ok: false, reason: error instanceof Error ? error.message : String(error), scope: 'boot' })),
  };
});
