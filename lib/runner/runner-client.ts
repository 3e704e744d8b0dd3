// The page's side of the runner protocol: ask for an analysis, start and stop runs, answer manual turns.
import type { AgentEvent } from '../agent';
import type { ModelRequest, ModelResponse } from '../models/types';
import type { Playground } from '../playground/schema';
import type { PlaygroundAnalysis } from './analyze-playground';
import type { FromRunner, Port, RunSecrets, ToRunner } from './runner-protocol';

export interface RunHandlers {
  onEvents: (events: AgentEvent[]) => void;
  onManualTurn: (turn: { turnId: number; request: ModelRequest }) => void;
  /** Called once, after the last event. `error` when the run could not start. */
  onDone: (error?: string) => void;
}

export interface RunnerClient {
  analyze(playground: Playground): Promise<PlaygroundAnalysis>;
  start(runId: string, playground: Playground, handlers: RunHandlers, secrets?: RunSecrets): void;
  abort(runId: string): void;
  answer(runId: string, turnId: number, response: ModelResponse): void;
}

export function createRunnerClient(port: Port<FromRunner, ToRunner>): RunnerClient {
  const analyses = new Map<number, { resolve: (a: PlaygroundAnalysis) => void; reject: (e: Error) => void }>();
  const runs = new Map<string, RunHandlers>();
  let nextRequest = 1;

  port.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'analysis': {
        const pending = analyses.get(data.requestId);
        analyses.delete(data.requestId);
        if (data.analysis) pending?.resolve(data.analysis);
        else pending?.reject(new Error(data.error ?? 'the analysis failed'));
        return;
      }
      case 'events':
        runs.get(data.runId)?.onEvents(data.events);
        return;
      case 'manual_turn':
        runs.get(data.runId)?.onManualTurn({ turnId: data.turnId, request: data.request });
        return;
      case 'run_done':
        runs.get(data.runId)?.onDone(data.error);
        runs.delete(data.runId);
        return;
    }
  });

  return {
    analyze(playground) {
      const requestId = nextRequest++;
      return new Promise((resolve, reject) => {
        analyses.set(requestId, { resolve, reject });
        port.postMessage({ type: 'analyze', requestId, playground });
      });
    },
    start(runId, playground, handlers, secrets) {
      runs.set(runId, handlers);
      port.postMessage({ type: 'start', runId, playground, ...(secrets ? { secrets } : {}) });
    },
    abort(runId) {
      port.postMessage({ type: 'abort', runId });
    },
    answer(runId, turnId, response) {
      port.postMessage({ type: 'manual_answer', runId, turnId, response });
    },
  };
}
