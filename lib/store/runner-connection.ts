// The runner workers the page talks to: one that analyzes the document as it is edited, one that runs agents.
// A run on the WebContainer sandbox starts only once the page's container is ready (booted, packages installed); the
// workers' kernel processes live in that container and are reached through kernel_* messages.
import { createRunnerClient, type RunnerClient } from '../runner/runner-client';
import type { FromRunner, Port, ToRunner } from '../runner/runner-protocol';
import { getPageWebContainerHost } from '../sandbox/webcontainer/page-webcontainer';
import { serveKernelRequests, type KernelRequestServer } from '../sandbox/webcontainer/serve-kernel-requests';
import { useSandboxStatusStore } from './sandbox-status-store';
import { useUiStore } from './ui-store';

export type RunnerRole = 'analysis' | 'run';

export interface RunnerEndpoint {
  port: Port<FromRunner, ToRunner>;
  /** Ends the runner at once, whatever it is doing. */
  terminate: () => void;
}

let openEndpoint: () => RunnerEndpoint = () => {
  const worker = new Worker(new URL('../runner/runner-worker.ts', import.meta.url), { type: 'module', name: 'agent-runner' });
  return { port: worker as unknown as Port<FromRunner, ToRunner>, terminate: () => worker.terminate() };
};

const open = new Map<RunnerRole, { client: RunnerClient; endpoint: RunnerEndpoint; kernels: KernelRequestServer }>();

export function getRunner(role: RunnerRole): RunnerClient {
  let entry = open.get(role);
  if (!entry) {
    const endpoint = openEndpoint();
    const kernels = serveKernelRequests(endpoint.port, getPageWebContainerHost);
    entry = { client: readyWebContainerFirst(createRunnerClient(endpoint.port)), endpoint, kernels };
    open.set(role, entry);
  }
  return entry.client;
}

/** Terminates a runner (a sandbox stuck in a loop ignores Stop); the next call starts a fresh one. */
export function restartRunner(role: RunnerRole): void {
  open.get(role)?.kernels.close();
  open.get(role)?.endpoint.terminate();
  open.delete(role);
}

/** How a run refused for a failed WebContainer boot starts its error, so the notice can offer Retry and QuickJS. */
export const WEBCONTAINER_UNAVAILABLE = 'the WebContainer sandbox is unavailable: ';

/**
 * Holds a WebContainer run back until the container is booted and the packages installed. When it can't be, the run
 * does not start: it ends with the reason, and the notice offers Retry and Run on QuickJS (the Settings tab, where the
 * sandbox status says the same, is left alone).
 */
function readyWebContainerFirst(client: RunnerClient): RunnerClient {
  const preparing = new Map<string, () => void>();
  return {
    ...client,
    start(runId, playground, handlers, secrets, options) {
      if (playground.sandbox.kind !== 'webcontainer') return client.start(runId, playground, handlers, secrets, options);
      let cancelled = false;
      preparing.set(runId, () => {
        cancelled = true;
        handlers.onDone();
      });
      void useSandboxStatusStore
        .getState()
        .prepare(playground.sandbox.packages)
        .then((ready) => {
          if (cancelled) return;
          preparing.delete(runId);
          if (ready.ok) return client.start(runId, playground, handlers, secrets, options);
          if (ready.scope === 'packages') useUiStore.getState().setTab('settings');
          handlers.onDone(
            ready.scope === 'boot'
              ? `${WEBCONTAINER_UNAVAILABLE}${ready.reason} Retry, or run on QuickJS.`
              : `the packages could not be installed in the WebContainer: ${ready.reason}`,
          );
        });
    },
    abort(runId) {
      const cancel = preparing.get(runId);
      preparing.delete(runId);
      if (cancel) cancel();
      else client.abort(runId);
    },
  };
}

/** Tests connect the stores to an in-process runner. */
export function setRunnerEndpointFactory(factory: () => RunnerEndpoint): void {
  for (const role of [...open.keys()]) restartRunner(role);
  openEndpoint = factory;
}
