// Messages between the page and the runner worker, where tools compile and agents run off the main thread.
import type { AgentEvent } from '../agent';
import type { ForkPrefix } from '../agent/agent';
import type { ModelRequest, ModelResponse } from '../models/types';
import type { McpServerListing } from '../mcp/types';
import type { McpServerSettings, Playground } from '../playground/schema';
import type { KernelReply, KernelRequest } from '../sandbox/webcontainer/kernel-messages';
import type { PlaygroundAnalysis } from './analyze-playground';

export interface RunSecrets {
  keys: Record<string, string>;
  pageOrigin?: string;
}

export interface RunStartOptions {
  /** Pause after every step. */
  stepThrough?: boolean;
  /** After each task, keep the session open for a follow-up task (`follow_up`) until the run is aborted. */
  keepSession?: boolean;
  /** Start as a fork of a recorded run (its steps replayed, one edited). */
  fork?: ForkPrefix;
}

export type ToRunner =
  /** `mcp`: the MCP servers' tools as last listed, so the analysis shows them as the model will see them. */
  | { type: 'analyze'; requestId: number; playground: Playground; mcp?: McpServerListing[] }
  /** Connect to one MCP server, list its tools, close. Its token travels in `secrets.keys`, by origin. */
  | { type: 'mcp_list'; requestId: number; server: McpServerSettings; secrets?: RunSecrets }
  /** `secrets` travel beside the playground, never inside it: keys by slot, and the page's origin for the proxy. */
  | { type: 'start'; runId: string; playground: Playground; secrets?: RunSecrets; options?: RunStartOptions }
  /** Stops a run; sent for a finished run, it ends the session a follow-up task would have kept. */
  | { type: 'abort'; runId: string }
  /** A paused run (step through) goes on: one more step, or to the end. */
  | { type: 'resume'; runId: string; mode: 'step' | 'continue' }
  /** A finished run takes another task, with its memory and sandbox session. */
  | { type: 'follow_up'; runId: string; task: string }
  | { type: 'manual_answer'; runId: string; turnId: number; response: ModelResponse }
  /** The person's answer to the built-in user_input's question (`error`: nobody here can answer). */
  | { type: 'user_answer'; runId: string; questionId: number; answer?: string; error?: string }
  /** A kernel process in the page's WebContainer: launched / launch failed, its output and exit, a file written. */
  | KernelReply;

export type FromRunner =
  | { type: 'analysis'; requestId: number; analysis?: PlaygroundAnalysis; error?: string }
  | { type: 'mcp_listing'; requestId: number; listing: McpServerListing }
  | { type: 'events'; runId: string; events: AgentEvent[] }
  | { type: 'manual_turn'; runId: string; turnId: number; request: ModelRequest }
  /** The built-in user_input asks the person; the run waits for a `user_answer`. */
  | { type: 'user_question'; runId: string; questionId: number; question: string }
  /** Step through: the run paused after this step, until a `resume`. */
  | { type: 'paused'; runId: string; step: number }
  /** The run's events are all sent; `error` when it could not start (tool source errors, setup problems). */
  | { type: 'run_done'; runId: string; error?: string }
  /** The WebContainer sandbox: launch, write to, put a file for, or kill a kernel process in the page's container. */
  | KernelRequest;

/** The part of a Worker (or a MessagePort) the two ends use. */
export interface Port<In, Out> {
  postMessage(message: Out): void;
  addEventListener(type: 'message', listener: (event: { data: In }) => void): void;
}
