// The page's side of the runner protocol: ask for an analysis, start and stop runs, answer manual turns.
import type { AgentEvent } from '../agent';
import type { ModelRequest, ModelResponse } from '../models/types';
import type { McpServerListing } from '../mcp/types';
import type { McpServerSettings, Playground } from '../playground/schema';
import type { PlaygroundAnalysis } from './analyze-playground';
import type { FromRunner, Port, RunSecrets, RunStartOptions, ToRunner } from './runner-protocol';

export interface RunHandlers {
  onEvents: (events: AgentEvent[]) => void;
  onManualTurn: (turn: { turnId: number; request: ModelRequest }) => void;
  /** The built-in user_input asks the person; without this handler the run is told nobody can answer. */
  onQuestion?: (question: { questionId: number; question: string }) => void;
  /** Step through: the run paused after `step`. */
  onPaused?: (step: number) => void;
  /** Called once, after the last event. `error` when the run could not start. */
  onDone: (error?: string) => void;
}

export interface RunnerClient {
  /** `mcp`: the MCP servers' tools as last listed (Settings → MCP servers). */
  analyze(playground: Playground, mcp?: McpServerListing[]): Promise<PlaygroundAnalysis>;
  /** Connects to one MCP server in the runner, lists its tools and closes; never rejects (a failure is a listing too). */
  listMcpTools(server: McpServerSettings, secrets?: RunSecrets): Promise<McpServerListing>;
  start(runId: string, playground: Playground, handlers: RunHandlers, secrets?: RunSecrets, options?: RunStartOptions): void;
  abort(runId: string): void;
  resume(runId: string, mode: 'step' | 'continue'): void;
  followUp(runId: string, task: string): void;
  answer(runId: string, turnId: number, response: ModelResponse): void;
  /** Answers user_input's question. */
  answerQuestion(runId: string, questionId: number, answer: string): void;
}

export function createRunnerClient(port: Port<FromRunner, ToRunner>): RunnerClient {
  const analyses = new Map<number, { resolve: (a: PlaygroundAnalysis) => void; reject: (e: Error) => void }>();
  const runs = new Map<string, RunHandlers>();
  const listings = new Map<number, (listing: McpServerListing) => void>();
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
      case 'mcp_listing':
        listings.get(data.requestId)?.(data.listing);
        listings.delete(data.requestId);
        return;
      case 'events':
        runs.get(data.runId)?.onEvents(data.events);
        return;
      case 'manual_turn':
        runs.get(data.runId)?.onManualTurn({ turnId: data.turnId, request: data.request });
        return;
      case 'user_question': {
        const handlers = runs.get(data.runId);
        if (handlers?.onQuestion) handlers.onQuestion({ questionId: data.questionId, question: data.question });
        else port.postMessage({ type: 'user_answer', runId: data.runId, questionId: data.questionId, error: 'nobody can answer here (this run is not shown to the person); decide without asking' });
        return;
      }
      case 'paused':
        runs.get(data.runId)?.onPaused?.(data.step);
        return;
      case 'run_done':
        runs.get(data.runId)?.onDone(data.error);
        runs.delete(data.runId);
        return;
    }
  });

  return {
    analyze(playground, mcp) {
      const requestId = nextRequest++;
      return new Promise((resolve, reject) => {
        analyses.set(requestId, { resolve, reject });
        port.postMessage({ type: 'analyze', requestId, playground, ...(mcp ? { mcp } : {}) });
      });
    },
    listMcpTools(server, secrets) {
      const requestId = nextRequest++;
      return new Promise((resolve) => {
        listings.set(requestId, resolve);
        port.postMessage({ type: 'mcp_list', requestId, server, ...(secrets ? { secrets } : {}) });
      });
    },
    start(runId, playground, handlers, secrets, options) {
      runs.set(runId, handlers);
      port.postMessage({ type: 'start', runId, playground, ...(secrets ? { secrets } : {}), ...(options ? { options } : {}) });
    },
    resume(runId, mode) {
      port.postMessage({ type: 'resume', runId, mode });
    },
    followUp(runId, task) {
      port.postMessage({ type: 'follow_up', runId, task });
    },
    abort(runId) {
      port.postMessage({ type: 'abort', runId });
    },
    answer(runId, turnId, response) {
      port.postMessage({ type: 'manual_answer', runId, turnId, response });
    },
    answerQuestion(runId, questionId, answer) {
      port.postMessage({ type: 'user_answer', runId, questionId, answer });
    },
  };
}
