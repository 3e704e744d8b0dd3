// The host side of the Node kernel: an Executor that drives a kernel process (a Node child process, or a process in
// a WebContainer) over the JSON-lines protocol. The host keeps the watchdog: a kernel that does not answer by the
// step's deadline (plus a grace) is killed and started again with the tools loaded, and the step says that the
// session's state was lost.
import { policyFetch, type FetchRequest } from '../quickjs/network-policy';
import { PRELUDE } from '../quickjs/prelude';
import { parseVariables } from '../variables-prelude';
import { nameCallee } from '../name-callee';
import { parseInjected } from '../parse-injected';
import { rewriteSnippet, SnippetError } from '../rewrite-snippet';
import {
  DEFAULT_LIMITS,
  type ExecuteOptions,
  type ExecutionEvent,
  type ExecutionResult,
  type Executor,
  type ExecutorOptions,
  type SandboxError,
  type SandboxLimits,
  type ToolCallRecord,
} from '../types';
import type { KernelLauncher, KernelProcess } from './kernel-process';
import { KernelChannel, newKernelToken, type DoneMessage, type HostMessage, type KernelMessage } from './kernel-protocol';
import { rewriteImports } from './rewrite-imports';
import { pausableTimeout } from './pausable-timer';

export interface KernelExecutorOptions extends ExecutorOptions {
  launcher: KernelLauncher;
  /**
   * npm packages the model's code may `require` or `import` (CommonJS, resolved by the kernel from its
   * node_modules folder). Empty or absent: no module loading at all, as in QuickJS.
   */
  packages?: string[];
  /** How long launching the kernel and loading the tools may take before start() fails (default 30 s). */
  startTimeoutMs?: number;
  /**
   * false: the kernel sets no deadline of its own, so every deadline is the host watchdog's (kill, restart, state
   * lost) — how a runtime whose `vm` has no timeout behaves. For tests.
   */
  kernelDeadline?: boolean;
}

/** How long past the deadline the host waits for the kernel's own answer before it kills the process. */
export const WATCHDOG_GRACE_MS = 1_000;
/** How long an abort waits for the kernel to stop the step itself before the process is killed. */
export const ABORT_GRACE_MS = 250;
/** With an interruptible process: how long past the deadline the host interrupts (the kernel's deadline is a little later than ours), and how often it repeats. */
const INTERRUPT_AFTER_MS = 25;
const INTERRUPT_EVERY_MS = 100;
const DEFAULT_START_TIMEOUT_MS = 30_000;

export function createKernelExecutor(options: KernelExecutorOptions): KernelExecutor {
  return new KernelExecutor(options);
}

interface Activity {
  onEvent?: (event: ExecutionEvent) => void;
  logs: string;
  droppedLogChars: number;
  toolCalls: ToolCallRecord[];
  /** Kernel call id → the record (with the host's own call id). */
  open: Map<string, ToolCallRecord>;
  controller: AbortController;
}

type Outcome = { done: DoneMessage } | { killed: 'timeout' | 'abort' | 'crash'; detail: string };

interface Request {
  id: number;
  activity: Activity;
  pause: () => void;
  resume: () => void;
  finish: (outcome: Outcome) => void;
}

interface Kernel {
  process: KernelProcess;
  channel: KernelChannel;
  current?: Request;
  /** Killed on purpose (watchdog, abort, dispose): its exit is not a crash. */
  retired: boolean;
  exited: boolean;
  exitCode?: number | null;
  /** What the kernel said before it gave up (a `fatal` message). */
  fatal?: string;
  onReady?: (message: KernelMessage | { t: 'exit' }) => void;
}

export class KernelExecutor implements Executor {
  readonly kind: 'node' | 'webcontainer';
  private readonly limits: SandboxLimits;
  private readonly packages: string[];
  /** The kernel being started or running. */
  private kernel?: Promise<Kernel>;
  /** The running kernel, once it is ready. */
  private active?: Kernel;
  private starting?: Promise<void>;
  /** The session was replaced since the last step: the next result says so. */
  private lost = false;
  private seq = 0;
  private callCounter = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: KernelExecutorOptions) {
    this.kind = options.launcher.kind;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.packages = options.packages ?? [];
  }

  start(): Promise<void> {
    this.starting ??= this.ready().then(() => undefined);
    return this.starting;
  }

  execute(code: string, options: ExecuteOptions = {}): Promise<ExecutionResult> {
    return this.serially(() => this.runSnippet(code, options));
  }

  callFunction(name: string, args: unknown[], options: ExecuteOptions = {}): Promise<{ value?: unknown; error?: SandboxError }> {
    return this.serially(() => this.runFunction(name, args, options));
  }

  dispose(): void {
    this.disposed = true;
    const kernel = this.kernel;
    this.kernel = undefined;
    void kernel?.then(
      (k) => this.retire(k, { killed: 'crash', detail: 'the sandbox was closed' }),
      () => undefined,
    );
  }

  // --- steps ----------------------------------------------------------------------------------------------------

  /** What toSandboxError needs to suggest a tool for a mistyped name. */
  private calleeHint(code: string): { code: string; known: string[] } {
    return { code, known: [...this.options.toolNames, ...(this.options.hostTools ?? []).map((t) => t.name), 'final_answer'] };
  }

  private async runSnippet(code: string, options: ExecuteOptions): Promise<ExecutionResult> {
    await this.start();
    const started = performance.now();
    const activity = newActivity(options);
    const result = (fields: Partial<ExecutionResult>): ExecutionResult => ({
      logs: finishLogs(activity, this.limits),
      toolCalls: activity.toolCalls,
      cancelledTimers: 0,
      ...fields,
      durationMs: Math.round(performance.now() - started),
    });
    let rewritten: string;
    try {
      rewritten = rewriteSnippet(this.packages.length > 0 ? rewriteImports(code) : code).code;
    } catch (e) {
      if (e instanceof SnippetError) return result({ error: e.error });
      throw e;
    }
    const outcome = await this.request((id) => ({ t: 'exec', id, code: rewritten }), activity, options.signal);
    let lost = this.takeLost();
    if ('killed' in outcome) return result({ error: killedError(outcome, this.limits), stateLost: true });

    const done = outcome.done;
    activity.droppedLogChars += done.dropped;
    let error: SandboxError | undefined;
    let output: string | undefined;
    const finalAnswer = done.final !== null ? { value: JSON.parse(done.final) as unknown } : undefined;
    if (done.syntax) error = toSandboxError(done.syntax);
    else if (done.stop) error = stopError(done.stop, options.signal, this.limits);
    else if (done.text !== null) {
      const settled = JSON.parse(done.text) as { ok: boolean; output?: string; error?: RawError };
      if (settled.ok) output = settled.output;
      else if (settled.error && !settled.error.final) error = toSandboxError(settled.error, this.calleeHint(rewritten));
    }
    if (!error && done.timerError) {
      const raw = JSON.parse(done.timerError) as RawError;
      if (!raw.final) error = toSandboxError(raw, this.calleeHint(rewritten));
    }
    if (finalAnswer) error = undefined;
    if (done.stateLost) {
      lost = true;
      this.takeLost();
    }
    return result({
      ...(output !== undefined ? { output } : {}),
      ...(finalAnswer ? { finalAnswer } : {}),
      ...(error ? { error } : {}),
      ...(lost ? { stateLost: true } : {}),
      cancelledTimers: done.cancelled,
      ...(done.variables ? { variables: parseVariables(done.variables) } : {}),
    });
  }

  private async runFunction(name: string, args: unknown[], options: ExecuteOptions): Promise<{ value?: unknown; error?: SandboxError }> {
    await this.start();
    const activity = newActivity(options);
    const outcome = await this.request((id) => ({ t: 'call', id, name, args: JSON.stringify(args ?? []) }), activity, options.signal);
    if ('killed' in outcome) return { error: killedError(outcome, this.limits) };
    const done = outcome.done;
    if (done.syntax) return { error: toSandboxError(done.syntax) };
    if (done.stop) return { error: stopError(done.stop, options.signal, this.limits) };
    const result = JSON.parse(done.text ?? '{"ok":false,"error":{"type":"Error","message":"no result","stack":""}}') as { ok: boolean; value?: unknown; error?: RawError };
    return result.ok ? { value: result.value } : { error: toSandboxError(result.error!) };
  }

  /** Sends one request and waits for its end: the kernel's `done`, or the watchdog, an abort or a crash. */
  private async request(make: (id: number) => HostMessage, activity: Activity, signal?: AbortSignal): Promise<Outcome> {
    let kernel: Kernel;
    try {
      kernel = await this.ready();
    } catch (e) {
      return { killed: 'crash', detail: `it could not be started again: ${messageOf(e)}` };
    }
    const id = ++this.seq;
    return new Promise<Outcome>((resolve) => {
      let abortTimer: ReturnType<typeof setTimeout> | undefined;
      let interrupter: ReturnType<typeof setInterval> | undefined;
      const interrupt = kernel.process.interrupt ? () => kernel.process.interrupt!() : undefined;
      const onAbort = () => {
        kernel.channel.send({ t: 'abort', id });
        // The kernel stops a waiting step at once, and code that holds the thread when interrupted; otherwise the
        // process is killed.
        interrupt?.();
        abortTimer = setTimeout(() => this.retire(kernel, { killed: 'abort', detail: '' }), ABORT_GRACE_MS);
      };
      const watchdog = pausableTimeout(() => this.retire(kernel, { killed: 'timeout', detail: '' }), this.limits.timeoutMs + WATCHDOG_GRACE_MS);
      // Code that holds the kernel's thread past the deadline is interrupted (the session stays), again and again
      // until the kernel answers or the watchdog gives up on it.
      const deadline =
        interrupt && this.options.kernelDeadline !== false
          ? pausableTimeout(() => {
              interrupt();
              interrupter = setInterval(interrupt, INTERRUPT_EVERY_MS);
            }, this.limits.timeoutMs + INTERRUPT_AFTER_MS)
          : undefined;
      const request: Request = {
        id,
        activity,
        // While the code waits for a person, the step's clock stands still here and in the kernel.
        pause: () => {
          watchdog.pause();
          deadline?.pause();
          if (!kernel.exited) kernel.channel.send({ t: 'pause', id });
        },
        resume: () => {
          watchdog.resume();
          deadline?.resume();
          if (!kernel.exited && kernel.current === request) kernel.channel.send({ t: 'resume', id });
        },
        finish: (outcome) => {
          if (kernel.current !== request) return;
          kernel.current = undefined;
          watchdog.clear();
          clearTimeout(abortTimer);
          deadline?.clear();
          clearInterval(interrupter);
          signal?.removeEventListener('abort', onAbort);
          // Host tools still running for this step are told to stop.
          activity.controller.abort(new Error('the step ended'));
          resolve(outcome);
        },
      };
      kernel.current = request;
      if (kernel.exited) {
        request.finish({ killed: 'crash', detail: exitDetail(kernel) });
        return;
      }
      kernel.channel.send(make(id));
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private onMessage(kernel: Kernel, message: KernelMessage): void {
    if (message.t === 'ready' || message.t === 'init_error') {
      kernel.onReady?.(message);
      return;
    }
    if (message.t === 'fatal') {
      kernel.fatal = message.message; // the exit that follows is handled as a crash
      return;
    }
    const request = kernel.current;
    if (!request || message.id !== request.id) return;
    const a = request.activity;
    switch (message.t) {
      case 'log':
        this.onLog(a, message.level, message.text);
        return;
      case 'tool_start': {
        const args = parseJson(message.args, []) as unknown[];
        const record: ToolCallRecord = { callId: `t${++this.callCounter}`, name: message.name, args, durationMs: 0 };
        a.toolCalls.push(record);
        a.open.set(message.call, record);
        a.onEvent?.({ type: 'tool_call_start', callId: record.callId, name: record.name, args });
        return;
      }
      case 'tool_end': {
        const record = a.open.get(message.call);
        if (!record) return;
        a.open.delete(message.call);
        record.durationMs = Math.round(message.ms);
        if (message.error) record.error = message.error;
        else if (message.result) record.result = parseJson(message.result, null);
        const injected = parseInjected(message.injected);
        if (injected) record.injected = injected;
        a.onEvent?.({
          type: 'tool_call_end',
          callId: record.callId,
          name: record.name,
          ...(message.error ? { error: message.error } : { result: record.result }),
          durationMs: record.durationMs,
          ...(injected ? { injected } : {}),
        });
        return;
      }
      case 'host_call': {
        const tool = this.options.hostTools?.find((t) => t.name === message.name);
        const callId = a.open.get(message.call)?.callId ?? message.call;
        this.answer(kernel, request, message.call, async (signal) => {
          if (!tool) throw new Error(`no host tool named ${message.name}`);
          if (tool.waitsForPerson) request.pause();
          try {
            // This signal aborts on Stop and when the step ends (deadline), so a team member never outlives its step.
            const value = await tool.call(JSON.parse(message.args) as unknown[], { signal, callId });
            return JSON.stringify(value === undefined ? null : value);
          } finally {
            if (tool.waitsForPerson) request.resume();
          }
        });
        return;
      }
      case 'fetch':
        this.answer(kernel, request, message.call, async (signal) => {
          const response = await policyFetch(this.options.network, JSON.parse(message.request) as FetchRequest, signal);
          return JSON.stringify(response);
        });
        return;
      case 'done':
        request.finish({ done: message });
        return;
    }
  }

  /** Runs host work for the kernel and sends its result back, if the step that asked is still running. */
  private answer(kernel: Kernel, request: Request, call: string, work: (signal: AbortSignal) => Promise<string>): void {
    const reply = (fields: { ok: true; value: string } | { ok: false; error: string }) => {
      if (kernel.current !== request || kernel.exited) return;
      kernel.channel.send({ t: 'result', id: request.id, call, ...fields });
    };
    work(request.activity.controller.signal).then(
      (value) => reply({ ok: true, value }),
      (error: unknown) => reply({ ok: false, error: messageOf(error) }),
    );
  }

  private onLog(a: Activity, level: string, text: string): void {
    const room = this.limits.maxLogChars - a.logs.length;
    if (room <= 0) {
      a.droppedLogChars += text.length;
      return;
    }
    const kept = text.length <= room ? text : text.slice(0, room);
    a.droppedLogChars += text.length - kept.length;
    a.logs += kept;
    const lvl = level === 'info' || level === 'warn' || level === 'error' ? level : 'log';
    a.onEvent?.({ type: 'log', level: lvl, text: kept.replace(/\n$/, '') });
  }

  // --- the kernel process -----------------------------------------------------------------------------------------

  private ready(): Promise<Kernel> {
    if (this.disposed) return Promise.reject(new Error('this sandbox was disposed'));
    if (!this.kernel) {
      const booting = this.boot();
      this.kernel = booting;
      // A kernel that failed to start is tried again by the next request.
      booting.catch(() => {
        if (this.kernel === booting) this.kernel = undefined;
      });
    }
    return this.kernel;
  }

  private async boot(): Promise<Kernel> {
    const process = await this.options.launcher.launch({ memoryMb: this.limits.memoryMb });
    const token = newKernelToken();
    const channel = new KernelChannel(process, token, (message) => this.onMessage(kernel, message));
    const kernel: Kernel = { process, channel, retired: false, exited: false };
    // A message that can't be handed over would leave the step waiting: end the process, which fails it clearly.
    channel.onSendError = () => process.kill();
    void process.exited.then((code) => this.onExit(kernel, code));
    const answer = await new Promise<KernelMessage | { t: 'exit' } | { t: 'slow' }>((resolve) => {
      const timer = setTimeout(() => resolve({ t: 'slow' }), this.options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
      kernel.onReady = (message) => {
        clearTimeout(timer);
        kernel.onReady = undefined;
        resolve(message);
      };
      kernel.channel.send({
        t: 'init',
        token,
        prelude: PRELUDE,
        toolsJs: this.options.toolsJs,
        toolNames: this.options.toolNames,
        functionNames: this.options.functionNames ?? [],
        hostTools: (this.options.hostTools ?? []).map((t) => t.name),
        ...(this.options.faults ? { faults: this.options.faults } : {}),
        ...(this.options.toolSignatures ? { toolSignatures: this.options.toolSignatures } : {}),
        limits: { timeoutMs: this.limits.timeoutMs, maxLogChars: this.limits.maxLogChars, maxObservationChars: this.limits.maxObservationChars },
        packages: this.packages,
        ...(this.options.kernelDeadline === false ? { kernelDeadline: false } : {}),
        ...(this.options.reportVariables === false ? { reportVariables: false } : {}),
        ...(process.interrupt ? { interrupt: 'signal' as const } : {}),
      });
    });
    if (answer.t === 'ready') {
      if (this.disposed) this.retire(kernel);
      else this.active = kernel;
      return kernel;
    }
    this.retire(kernel);
    if (answer.t === 'init_error') throw new Error(answer.message);
    if (answer.t === 'slow') throw new Error(`the ${this.kind} sandbox did not start within ${(this.options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS) / 1000} s`);
    throw new Error(`the ${this.kind} sandbox stopped while starting (${exitDetail(kernel)})`);
  }

  private onExit(kernel: Kernel, code: number | null): void {
    kernel.exited = true;
    kernel.exitCode = code;
    kernel.channel.close();
    kernel.onReady?.({ t: 'exit' });
    if (kernel.retired) return;
    // A crash: the step that was running (if any) ends, and a fresh kernel starts for the next one.
    if (this.forget(kernel) && !this.disposed) void this.ready().catch(() => undefined);
    kernel.current?.finish({ killed: 'crash', detail: exitDetail(kernel) });
  }

  /** Kills a kernel on purpose; the step it ran ends with `outcome`, and a fresh kernel starts in the background. */
  private retire(kernel: Kernel, outcome?: Outcome): void {
    if (!kernel.retired) {
      kernel.retired = true;
      kernel.process.kill();
    }
    const wasCurrent = this.forget(kernel);
    if (outcome) kernel.current?.finish(outcome);
    if (wasCurrent && outcome && !this.disposed) {
      // Start the next kernel now, so the next step does not wait for it; its failure shows in that step.
      void this.ready().catch(() => undefined);
    }
  }

  /** Drops a kernel that is no longer usable; true when it was the executor's current one. */
  private forget(kernel: Kernel): boolean {
    if (this.active !== kernel) return false;
    this.active = undefined;
    this.kernel = undefined;
    this.lost = true;
    return true;
  }

  private takeLost(): boolean {
    const lost = this.lost;
    this.lost = false;
    return lost;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function newActivity(options: ExecuteOptions): Activity {
  return {
    onEvent: options.onEvent,
    logs: '',
    droppedLogChars: 0,
    toolCalls: [],
    open: new Map(),
    controller: new AbortController(),
  };
}

interface RawError {
  type: string;
  message: string;
  stack: string;
  final?: boolean;
}

function toSandboxError(raw: RawError, hint?: { code: string; known: string[] }): SandboxError {
  const line = /snippet\.js:(\d+)/.exec(raw.stack)?.[1];
  let { type } = raw;
  let message = hint ? nameCallee(raw, hint.code, hint.known) : raw.message;
  if (/out of memory/i.test(message)) {
    type = 'MemoryError';
    message = 'the code used more memory than the sandbox allows (out of memory); work with smaller data';
  } else if (type === 'RangeError' && /Maximum call stack size exceeded/.test(message)) {
    message = 'Maximum call stack size exceeded (stack overflow): probably a recursion that never ends';
  }
  if (message.length > 2_000) message = `${message.slice(0, 2_000)}… [message cut]`;
  return { type, message, ...(line ? { line: Number(line) } : {}) };
}

const STUCK_ERROR: SandboxError = {
  type: 'DeadlockError',
  message:
    'the code awaits a promise that nothing can settle (no timer, tool call or other work is pending), so it would wait forever; resolve every promise you await',
};

function timeoutError(limits: SandboxLimits): SandboxError {
  return {
    type: 'TimeoutError',
    message: `the step took longer than ${limits.timeoutMs / 1000} s and was stopped: avoid endless loops and waiting on work that never finishes`,
  };
}

function stopError(stop: NonNullable<DoneMessage['stop']>, signal: AbortSignal | undefined, limits: SandboxLimits): SandboxError {
  if (stop === 'interrupted') return signal?.aborted ? stopError('abort', signal, limits) : timeoutError(limits);
  if (stop === 'timeout') return timeoutError(limits);
  if (stop === 'abort') return { type: 'AbortError', message: 'the run was stopped' };
  return STUCK_ERROR;
}

function killedError(outcome: { killed: 'timeout' | 'abort' | 'crash'; detail: string }, limits: SandboxLimits): SandboxError {
  if (outcome.killed === 'timeout') return timeoutError(limits);
  if (outcome.killed === 'abort') return { type: 'AbortError', message: 'the run was stopped' };
  if (outcome.detail === 'it ran out of memory') {
    return {
      type: 'MemoryError',
      message: `the code used more memory than the sandbox allows (out of memory), so the sandbox was restarted; every variable from earlier steps is lost; work with smaller data`,
    };
  }
  return { type: 'SandboxCrash', message: `the sandbox stopped working (${outcome.detail}) and was restarted; every variable from earlier steps is lost` };
}

function exitDetail(kernel: Kernel): string {
  const tail = kernel.channel.tail;
  if (/heap out of memory|Reached heap limit/i.test(tail)) return 'it ran out of memory';
  const lines = tail.trim().split('\n');
  // The first line of Node's own report (an uncaught error, a fatal error) says more than a native stack's last line.
  const said = kernel.fatal ?? lines.find((l) => /error|fatal/i.test(l)) ?? lines.slice(-2).join(' ');
  const code = kernel.exitCode === null ? 'it was stopped by a signal' : kernel.exitCode === undefined ? 'it ended' : `exit code ${kernel.exitCode}`;
  return said ? `${code}: ${said.trim().slice(0, 300)}` : code;
}

function finishLogs(activity: Activity, limits: SandboxLimits): string {
  if (activity.droppedLogChars === 0) return activity.logs;
  return `${activity.logs}[… log output cut: ${activity.droppedLogChars} more characters were dropped; the limit is ${limits.maxLogChars} per step …]\n`;
}

function parseJson(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
