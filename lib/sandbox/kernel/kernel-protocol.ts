// The kernel protocol (agk1), host side: message shapes, framing, and a channel over a KernelProcess.
//
// host → kernel: one JSON object per line (no prefix; the kernel ignores anything before a line's first `{`).
// kernel → host: `#agk1:<token>#{json}\n`. Lines without the prefix (stderr, npm warnings, a terminal's echo of
// the input) are not messages; the channel keeps their tail for crash reports.
import type { KernelProcess } from './kernel-process';

export const KERNEL_PROTOCOL = 'agk1';

export function kernelPrefix(token: string): string {
  return `#${KERNEL_PROTOCOL}:${token}#`;
}

/** A fresh random token for one kernel process (browser and Node alike). */
export function newKernelToken(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// --- host → kernel ---------------------------------------------------------------------------------------------

export interface InitMessage {
  t: 'init';
  /** Names the prefix of every kernel message: `#agk1:<token>#`. Letters, digits, `_`, `-`; 8–100 characters. */
  token: string;
  /** The sandbox prelude (quickjs/prelude.ts): an expression evaluating to `(bridge, limits) => api`. */
  prelude: string;
  toolsJs: string;
  toolNames: string[];
  functionNames: string[];
  /** Names of host tools: globals in the session whose calls come back as `host_call`. */
  hostTools: string[];
  /** Faults to inject into the tools' calls (lib/tools/tool-faults.ts), by tool name. */
  faults?: Record<string, unknown>;
  /** The tools' parameters, by name, for checking calls from code (lib/tools/call-signature.ts). */
  toolSignatures?: Record<string, unknown>;
  limits: { timeoutMs: number; maxLogChars: number; maxObservationChars: number };
  /** Packages the model's code may `require`/`import`, resolved from the kernel's node_modules. */
  packages: string[];
  /** false: the kernel sets no deadline of its own and everything is left to the host's watchdog (tests). */
  kernelDeadline?: boolean;
  /** false: no variables snapshot after each step. Default on. */
  reportVariables?: boolean;
  /**
   * 'signal': the host interrupts running code with SIGINT (at its deadline, a little after the kernel's, and on
   * Stop), so the kernel bounds runs with breakOnSigint instead of a vm timeout per run. Default 'timeout'.
   */
  interrupt?: 'signal' | 'timeout';
}

/** Runs a snippet already rewritten by rewriteSnippet (an expression evaluating to a promise). */
export interface ExecMessage {
  t: 'exec';
  id: number;
  code: string;
}

/** Calls a function of the tools source; `args` is a JSON array. */
export interface CallMessage {
  t: 'call';
  id: number;
  name: string;
  args: string;
}

/** The answer to a `host_call` or a `fetch`: `value` is JSON text when ok, `error` a message when not. */
export interface ResultMessage {
  t: 'result';
  id: number;
  call: string;
  ok: boolean;
  value?: string;
  error?: string;
}

export interface AbortMessage {
  t: 'abort';
  id: number;
}

/** The step's code waits for a person (user_input): its deadline stands still from `pause` until the matching `resume`. */
export interface PauseMessage {
  t: 'pause' | 'resume';
  id: number;
}

/** Read these messages from a file (one per line), then delete it: for transports whose input has a line limit. */
export interface FileMessage {
  t: 'file';
  path: string;
}

export type HostMessage = InitMessage | ExecMessage | CallMessage | ResultMessage | AbortMessage | PauseMessage | FileMessage;

// --- kernel → host ---------------------------------------------------------------------------------------------

export interface ReadyMessage {
  t: 'ready';
  node: string;
  /** Dynamic import() is answered inside the context (Node ran with --experimental-vm-modules). */
  importGuard: boolean;
  /** The context drains its promise jobs inside each evaluation (microtaskMode afterEvaluate works here). */
  syncDrain: boolean;
}

export interface InitErrorMessage {
  t: 'init_error';
  message: string;
}

export interface LogMessage {
  t: 'log';
  id: number;
  level: string;
  /** The kept part of the line, with its "\n" (the kernel applies maxLogChars). */
  text: string;
}

export interface ToolStartMessage {
  t: 'tool_start';
  id: number;
  /** The kernel's id for the call (the host gives the record its own). */
  call: string;
  name: string;
  /** JSON array. */
  args: string;
}

export interface ToolEndMessage {
  t: 'tool_end';
  id: number;
  call: string;
  /** JSON text, empty on error. */
  result: string;
  /** Empty on success. */
  error: string;
  ms: number;
  /** JSON list of the faults injected into the call, when there were any. */
  injected?: string;
}

export interface HostCallMessage {
  t: 'host_call';
  id: number;
  /** The kernel's id of the tool call recorded just before (tool_start). */
  call: string;
  name: string;
  /** JSON array. */
  args: string;
}

export interface FetchMessage {
  t: 'fetch';
  id: number;
  call: string;
  /** JSON of FetchRequest (quickjs/network-policy.ts). */
  request: string;
}

/** A step or a function call ended. */
export interface DoneMessage {
  t: 'done';
  id: number;
  /**
   * Why it ended early; null when it finished (or called final_answer). 'interrupted': a run of the code was
   * interrupted by the host's signal (its deadline or a Stop: the host knows which).
   */
  stop: 'timeout' | 'abort' | 'deadlock' | 'interrupted' | null;
  /** The prelude's settle/callRaw JSON: {ok, output | value | error}. */
  text: string | null;
  /** JSON of the final answer, when final_answer was called. */
  final: string | null;
  /** The code did not compile in the kernel (or the kernel failed to run it). */
  syntax: { type: string; message: string; stack: string } | null;
  /** JSON of the first error a timer callback threw. */
  timerError: string | null;
  cancelled: number;
  /** Console characters dropped beyond maxLogChars. */
  dropped: number;
  /** The kernel replaced its session (leftover work it could not stop): earlier variables are gone. */
  stateLost: boolean;
  /** The prelude's variables() JSON after the step (null when the session could not be read). */
  variables?: string | null;
}

/** The kernel could not rebuild its session and is exiting. */
export interface FatalMessage {
  t: 'fatal';
  message: string;
}

export type KernelMessage =
  | ReadyMessage
  | InitErrorMessage
  | LogMessage
  | ToolStartMessage
  | ToolEndMessage
  | HostCallMessage
  | FetchMessage
  | DoneMessage
  | FatalMessage;

// --- framing -----------------------------------------------------------------------------------------------------

/** Splits a stream of chunks into lines; a line may span many chunks (multi-MB messages) without quadratic copying. */
export class LineSplitter {
  private parts: string[] = [];

  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      const piece = chunk.slice(start, nl);
      lines.push(this.parts.length > 0 ? this.parts.join('') + piece : piece);
      this.parts = [];
      start = nl + 1;
    }
    if (start < chunk.length) this.parts.push(chunk.slice(start));
    return lines;
  }
}

const TAIL_CHARS = 4_000;
/** Longer messages go through a file when the process offers one (a terminal's input has a line limit). */
export const INLINE_LINE_CHARS = 1_000;

/** Speaks the protocol over one kernel process: frames and parses its messages, writes ours. */
export class KernelChannel {
  readonly prefix: string;
  private readonly splitter = new LineSplitter();
  private readonly off: () => void;
  private tailText = '';

  constructor(
    readonly process: KernelProcess,
    readonly token: string,
    onMessage: (message: KernelMessage) => void,
  ) {
    this.prefix = kernelPrefix(token);
    this.off = process.onOutput((chunk) => {
      for (const line of this.splitter.push(chunk)) {
        const message = this.parse(line);
        if (message) onMessage(message);
      }
    });
  }

  send(message: HostMessage): void {
    const line = `${JSON.stringify(message)}\n`;
    const putFile = this.process.putFile?.bind(this.process);
    if (!putFile) {
      this.process.write(line);
      return;
    }
    // A terminal input (WebContainer): long lines travel as files, and every message waits its turn so the
    // kernel reads them in the order they were sent.
    this.outbox = this.outbox.then(async () => {
      if (line.length <= INLINE_LINE_CHARS) return this.process.write(line);
      const path = await putFile(`message-${++this.files}.jsonl`, line);
      this.process.write(`${JSON.stringify({ t: 'file', path } satisfies FileMessage)}\n`);
    }).catch((error: unknown) => this.onSendError?.(error));
  }

  /** Set by the owner: a message could not be handed over (the file could not be written). */
  onSendError?: (error: unknown) => void;
  private outbox: Promise<void> = Promise.resolve();
  private files = 0;

  /** The last output that was not a message (stderr, a crash report), for error messages. */
  get tail(): string {
    return this.tailText;
  }

  close(): void {
    this.off();
  }

  private parse(line: string): KernelMessage | undefined {
    const at = line.indexOf(this.prefix);
    if (at >= 0) {
      try {
        const message = JSON.parse(line.slice(at + this.prefix.length).trimEnd()) as KernelMessage;
        if (message && typeof message === 'object' && typeof message.t === 'string') return message;
      } catch {
        // Not a whole message: treated as stray output below.
      }
    }
    const text = line.length > TAIL_CHARS ? line.slice(-TAIL_CHARS) : line;
    this.tailText = (this.tailText + text + '\n').slice(-TAIL_CHARS);
    return undefined;
  }
}
