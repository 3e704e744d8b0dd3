// The runner workers the page talks to: one that analyzes the document as it is edited, one that runs agents.
import { createRunnerClient, type RunnerClient } from '../runner/runner-client';
import type { FromRunner, Port, ToRunner } from '../runner/runner-protocol';

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

const open = new Map<RunnerRole, { client: RunnerClient; endpoint: RunnerEndpoint }>();

export function getRunner(role: RunnerRole): RunnerClient {
  let entry = open.get(role);
  if (!entry) {
    const endpoint = openEndpoint();
    entry = { client: createRunnerClient(endpoint.port), endpoint };
    open.set(role, entry);
  }
  return entry.client;
}

/** Terminates a runner (a sandbox stuck in a loop ignores Stop); the next call starts a fresh one. */
export function restartRunner(role: RunnerRole): void {
  open.get(role)?.endpoint.terminate();
  open.delete(role);
}

/** Tests connect the stores to an in-process runner. */
export function setRunnerEndpointFactory(factory: () => RunnerEndpoint): void {
  for (const role of [...open.keys()]) restartRunner(role);
  openEndpoint = factory;
}
