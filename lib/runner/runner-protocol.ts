// Messages between the page and the runner worker, where tools compile and agents run off the main thread.
import type { AgentEvent } from '../agent';
import type { ModelRequest, ModelResponse } from '../models/types';
import type { Playground } from '../playground/schema';
import type { KernelReply, KernelRequest } from '../sandbox/webcontainer/kernel-messages';
import type { PlaygroundAnalysis } from './analyze-playground';

export interface RunSecrets {
  keys: Record<string, string>;
  pageOrigin?: string;
}

export type ToRunner =
  | { type: 'analyze'; requestId: number; playground: Playground }
  /** `secrets` travel beside the playground, never inside it: keys by slot, and the page's origin for the proxy. */
  | { type: 'start'; runId: string; playground: Playground; secrets?: RunSecrets }
  | { type: 'abort'; runId: string }
  | { type: 'manual_answer'; runId: string; turnId: number; response: ModelResponse }
  /** A kernel process in the page's WebContainer: launched / launch failed, its output and exit, a file written. */
  | KernelReply;

export type FromRunner =
  | { type: 'analysis'; requestId: number; analysis?: PlaygroundAnalysis; error?: string }
  | { type: 'events'; runId: string; events: AgentEvent[] }
  | { type: 'manual_turn'; runId: string; turnId: number; request: ModelRequest }
  /** The run's events are all sent; `error` when it could not start (tool source errors, setup problems). */
  | { type: 'run_done'; runId: string; error?: string }
  /** The WebContainer sandbox: launch, write to, put a file for, or kill a kernel process in the page's container. */
  | KernelRequest;

/** The part of a Worker (or a MessagePort) the two ends use. */
export interface Port<In, Out> {
  postMessage(message: Out): void;
  addEventListener(type: 'message', listener: (event: { data: In }) => void): void;
}
