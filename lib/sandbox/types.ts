// The Executor contract: what every sandbox (QuickJS, the Node kernel, WebContainer) provides.
import type { CallSignature } from '../tools/call-signature';
import type { InjectedFault, ToolFaults } from '../tools/tool-faults';

export type SandboxKind = 'quickjs' | 'node' | 'webcontainer';

export interface SandboxLimits {
  /** Deadline for one step, sync and async work alike. */
  timeoutMs: number;
  memoryMb: number;
  /** Native stack budget for the snippet. */
  stackKb: number;
  /** Console output kept per step; the rest is dropped with a note. */
  maxLogChars: number;
  /** Observation size; longer observations are cut head+tail with a note. */
  maxObservationChars: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  timeoutMs: 10_000,
  memoryMb: 64,
  stackKb: 256,
  maxLogChars: 50_000,
  maxObservationChars: 20_000,
};

/** A tool that runs outside the sandbox (a managed agent, an MCP server's tool) and is awaited from inside it. */
export interface HostTool {
  name: string;
  /** The MCP server it belongs to, shown beside its calls on the timeline. */
  server?: string;
  /** Waits for a person (user_input): while it waits, the step's time limit stands still (in every sandbox). */
  waitsForPerson?: boolean;
  /** Receives the JSON-safe arguments array the snippet passed. */
  call: (args: unknown[], ctx: { signal: AbortSignal; callId: string }) => Promise<unknown>;
}

export interface NetworkPolicy {
  /** Hosts the tools' `fetch` may reach, e.g. `api.example.com` or `*.example.com`. Empty: no network. */
  allowedHosts: string[];
  /** The fetch implementation behind the tools' `fetch` (defaults to globalThis.fetch). */
  fetch?: typeof fetch;
  /** Origins never reached, whatever `allowedHosts` says: the app's own (its model proxy may hold server keys). */
  refusedOrigins?: string[];
}

export interface ExecutorOptions {
  /** `CompiledTools.js` from lib/tools. */
  toolsJs: string;
  /** Exported tools to expose to the model's code as globals. */
  toolNames: string[];
  /** Every top-level function of the tools source (helpers too), callable through `callFunction`. */
  functionNames?: string[];
  hostTools?: HostTool[];
  limits?: Partial<SandboxLimits>;
  /** Off (undefined) by default: then the tools have no `fetch` at all. */
  network?: NetworkPolicy;
  /** false: no variables snapshot after each step (a ToolCallingAgent has no use for one; the bench compares). Default on. */
  reportVariables?: boolean;
  /** Faults to inject into the tools' calls, by tool name (`async`: the tool returns a Promise, so a fault does too). */
  faults?: Readonly<Record<string, ToolFaults & { async?: boolean }>>;
  /** The tools' parameters, by name: calls from code are mapped (one object of named arguments) and checked against them. */
  toolSignatures?: Readonly<Record<string, CallSignature>>;
}

export interface SandboxError {
  /** `SyntaxError`, `TypeError`, `ToolError`, `TimeoutError`, `MemoryError`, `SandboxCrash` … */
  type: string;
  message: string;
  /** 1-based line in the snippet, when known. */
  line?: number;
}

export interface ToolCallRecord {
  callId: string;
  name: string;
  /** JSON-safe copy of the arguments as passed (positional). */
  args: unknown[];
  result?: unknown;
  error?: string;
  durationMs: number;
  /** Faults injected into this call (lib/tools/tool-faults.ts). */
  injected?: InjectedFault[];
}

export type ExecutionEvent =
  | { type: 'tool_call_start'; callId: string; name: string; args: unknown[] }
  | { type: 'tool_call_end'; callId: string; name: string; result?: unknown; error?: string; durationMs: number; injected?: InjectedFault[] }
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error'; text: string };

/** One of the session's own top-level names after a step, as the sandbox reads it without running any of its code. */
export interface SessionVariable {
  name: string;
  /** `string`, `number` … `null`, `Array`, `Map`, `Set`, `Date`, `Error`, `Proxy`, `function`, `class`, `getter`, a class name, `Object`. */
  type: string;
  /** A one-line rendering, at most 200 characters. */
  preview: string;
  /** `12 chars`, `3 items`, `2 entries`, `4 keys`, when the value has a size. */
  size?: string;
}

/** The session's variables after a step: the first MAX_VARIABLES names, and how many there are in all. */
export interface VariablesSnapshot {
  names: SessionVariable[];
  total: number;
}

export interface ExecutionResult {
  /** Captured console output, capped at maxLogChars (with a note saying so). */
  logs: string;
  /** Readable rendering of the snippet's last expression value, when it has one that is not undefined. */
  output?: string;
  /** Present when the snippet called `final_answer`. The value is JSON-safe. */
  finalAnswer?: { value: unknown };
  error?: SandboxError;
  toolCalls: ToolCallRecord[];
  /** The sandbox died or was restarted during this step: every variable from earlier steps is gone. */
  stateLost?: boolean;
  /** Timers still pending when the step ended; they were cancelled. */
  cancelledTimers: number;
  /** The session's own top-level names after the step (absent when the sandbox could not say). */
  variables?: VariablesSnapshot;
  durationMs: number;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
  onEvent?: (event: ExecutionEvent) => void;
}

export interface Executor {
  readonly kind: SandboxKind;
  /** Starts the session with the tools loaded. Throws with a clear message if the tools' code fails to load. */
  start(): Promise<void>;
  /** Runs one snippet in the persistent session. Never throws for problems of the snippet: they are in `error`. */
  execute(code: string, options?: ExecuteOptions): Promise<ExecutionResult>;
  /** Calls a function defined by the tools source (e.g. a final-answer check) with JSON-safe arguments. */
  callFunction(name: string, args: unknown[], options?: ExecuteOptions): Promise<{ value?: unknown; error?: SandboxError }>;
  dispose(): void;
}
