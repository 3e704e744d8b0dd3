// The QuickJS sandbox: one persistent interpreter session per run, with deadlines, memory and output limits.
import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { nameCallee } from '../name-callee';
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
  type VariablesSnapshot,
} from '../types';
import { parseVariables } from '../variables-prelude';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { calibratedStackBytes } from './calibrate-stack';
import { loadQuickJS, type QuickJSSyncVariant } from './load-quickjs';
import { policyFetch, type FetchRequest } from './network-policy';
import { PRELUDE } from './prelude';
import { parseInjected } from '../parse-injected';

export interface QuickJSExecutorOptions extends ExecutorOptions {
  /** The WebAssembly build; tests pass the debug build to catch leaked handles. */
  variant?: QuickJSSyncVariant;
}

const SNIPPET_FILE = 'snippet.js';
const TOOLS_FILE = 'tools.js';
/** How long cleaning up leftover async work may take before the session is restarted instead. */
const DRAIN_BUDGET_MS = 1_000;

type StopReason = 'timeout' | 'abort' | 'final' | 'drain' | 'stuck';

/** Everything that belongs to one step (or one callFunction) while it runs. */
interface Activity {
  deadline: number;
  /** Host calls waiting for a person: the deadline stands still meanwhile and moves on by the time they took. */
  waitingForPerson: number;
  signal?: AbortSignal;
  onEvent?: (event: ExecutionEvent) => void;
  logs: string;
  droppedLogChars: number;
  toolCalls: ToolCallRecord[];
  open: Map<string, { record: ToolCallRecord; started: number }>;
  finalAnswer?: { value: unknown };
  timers: Map<number, ReturnType<typeof setTimeout>>;
  deferreds: Set<QuickJSDeferredPromise>;
  tasks: (() => void)[];
  wake?: () => void;
  timerError?: SandboxError;
  controller: AbortController;
  /** The code running as snippet.js, to name the callee of a "not a function". */
  code?: string;
}

interface Session {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  api: Record<'settle' | 'callRaw' | 'fireTimer' | 'endStep' | 'beginStep' | 'describeJson' | 'variables', QuickJSHandle>;
}

export function createQuickJSExecutor(options: QuickJSExecutorOptions): QuickJSExecutor {
  return new QuickJSExecutor(options);
}

export class QuickJSExecutor implements Executor {
  readonly kind = 'quickjs' as const;
  private readonly limits: SandboxLimits;
  private session?: Session;
  private activity?: Activity;
  private draining = false;
  private callCounter = 0;
  private starting?: Promise<void>;
  private module?: QuickJSWASMModule;
  private disposed = false;

  constructor(private readonly options: QuickJSExecutorOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  start(): Promise<void> {
    this.starting ??= (async () => {
      this.module = await loadQuickJS(this.options.variant);
      this.openSession();
    })();
    return this.starting;
  }

  async execute(code: string, options: ExecuteOptions = {}): Promise<ExecutionResult> {
    await this.start();
    const started = performance.now();
    const activity = this.begin(options);
    let error: SandboxError | undefined;
    let output: string | undefined;
    let stateLost = false;
    let cancelledTimers = 0;
    try {
      const rewritten = rewriteSnippet(code);
      activity.code = rewritten.code;
      const session = this.session!;
      this.call(session.api.beginStep);
      const evaluated = session.context.evalCode(rewritten.code, SNIPPET_FILE);
      if (evaluated.error) {
        error = this.stopOrError(evaluated.error, activity);
      } else {
        const snippet = evaluated.value;
        try {
          const settled = this.callWith(session.api.settle, snippet);
          const outcome = await this.drive(settled, activity);
          if (outcome.text !== undefined) {
            const result = JSON.parse(outcome.text) as { ok: boolean; output?: string; error?: RawError };
            if (result.ok) output = result.output;
            else if (!result.error?.final) error = toSandboxError(result.error!, this.callee(activity));
          } else if (outcome.stop === 'stuck') {
            error = this.diagnoseStuck(snippet);
          } else if (outcome.stop) {
            error = stopError(outcome.stop, this.limits);
          }
        } finally {
          snippet.dispose();
        }
      }
      error ??= activity.timerError;
      // Whatever the interrupted code reported, a passed deadline or a stop is the reason it ended.
      const stop = this.shouldInterrupt();
      if (stop === 'timeout' || stop === 'abort') error = stopError(stop, this.limits);
      cancelledTimers = this.end(activity);
    } catch (e) {
      if (e instanceof SnippetError) {
        error = e.error;
        cancelledTimers = this.end(activity);
      } else {
        // The interpreter itself failed: start over with the tools loaded, and say that the state is gone.
        this.activity = undefined;
        this.restart();
        stateLost = true;
        error = { type: 'SandboxCrash', message: `the sandbox stopped working (${messageOf(e)}) and was restarted; every variable from earlier steps is lost` };
      }
    }
    if (activity.finalAnswer && error?.type !== 'SandboxCrash') error = undefined;
    const variables = this.options.reportVariables === false ? undefined : this.readVariables();
    return {
      logs: finishLogs(activity, this.limits),
      ...(output !== undefined ? { output } : {}),
      ...(activity.finalAnswer ? { finalAnswer: activity.finalAnswer } : {}),
      ...(error ? { error } : {}),
      toolCalls: activity.toolCalls,
      ...(stateLost ? { stateLost } : {}),
      cancelledTimers,
      ...(variables ? { variables } : {}),
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** The session's variables (none of its code runs: see variables-prelude.ts); undefined if the session is gone. */
  private readVariables(): VariablesSnapshot | undefined {
    const session = this.session;
    if (!session) return undefined;
    try {
      const handle = this.callWith(session.api.variables);
      const text = session.context.typeof(handle) === 'string' ? session.context.getString(handle) : undefined;
      handle.dispose();
      return parseVariables(text);
    } catch {
      return undefined;
    }
  }

  async callFunction(name: string, args: unknown[], options: ExecuteOptions = {}): Promise<{ value?: unknown; error?: SandboxError }> {
    await this.start();
    const activity = this.begin(options);
    try {
      const session = this.session!;
      const argsHandle = session.context.newString(JSON.stringify(args ?? []));
      const nameHandle = session.context.newString(name);
      const promise = this.callWith(session.api.callRaw, nameHandle, argsHandle);
      nameHandle.dispose();
      argsHandle.dispose();
      const outcome = await this.drive(promise, activity);
      const stop = this.shouldInterrupt();
      this.end(activity);
      if (stop === 'timeout' || stop === 'abort') return { error: stopError(stop, this.limits) };
      if (outcome.stop === 'stuck') return { error: STUCK_ERROR };
      if (outcome.stop) return { error: stopError(outcome.stop, this.limits) };
      const result = JSON.parse(outcome.text!) as { ok: boolean; value?: unknown; error?: RawError };
      return result.ok ? { value: result.value } : { error: toSandboxError(result.error!) };
    } catch (e) {
      this.activity = undefined;
      this.restart();
      return { error: { type: 'SandboxCrash', message: `the sandbox stopped working (${messageOf(e)}) and was restarted` } };
    }
  }

  dispose(): void {
    this.disposed = true;
    this.closeSession();
  }

  /** Test hook: the next evaluation fails the way a WebAssembly trap does, so the restart path can be tested. */
  breakForTests(): void {
    const context = this.session?.context;
    if (!context) return;
    context.evalCode = () => {
      throw new WebAssembly.RuntimeError('unreachable');
    };
  }

  /** What toSandboxError needs to name a callee and suggest a tool. */
  private callee(activity: Activity): CalleeHint | undefined {
    if (activity.code === undefined) return undefined;
    return { code: activity.code, known: [...this.options.toolNames, ...(this.options.hostTools ?? []).map((t) => t.name), 'final_answer'] };
  }

  // --- session lifecycle ------------------------------------------------------------------------------

  private openSession(): void {
    if (this.disposed) throw new Error('this sandbox was disposed');
    if (!this.module) throw new Error('QuickJS is not loaded yet: call start() first');
    const runtime = this.module.newRuntime();
    runtime.setMemoryLimit(this.limits.memoryMb * 1024 * 1024);
    runtime.setMaxStackSize(this.stackBytes());
    runtime.setInterruptHandler(() => this.shouldInterrupt() !== undefined);
    // No module loader: import() rejects.
    runtime.setModuleLoader(() => {
      throw new Error('imports are not available in this sandbox');
    });
    const context = runtime.newContext();
    try {
      this.session = { runtime, context, api: this.installPrelude(context) };
      this.loadTools();
    } catch (error) {
      this.closeSession();
      throw error;
    }
  }

  /**
   * QuickJS's own stack limit. The release build's is sized to this thread's host stack, so deep recursion ends in
   * QuickJS's catchable RangeError before the host's stack runs out; other builds (the debug build of the leak tests,
   * whose frames are far larger) keep the configured budget.
   */
  stackBytes(): number {
    const budget = this.limits.stackKb * 1024;
    const variant = this.options.variant ?? releaseSync;
    return variant === releaseSync ? calibratedStackBytes(budget) : budget;
  }

  private closeSession(): void {
    const session = this.session;
    this.session = undefined;
    if (!session) return;
    try {
      for (const h of Object.values(session.api)) if (h.alive) h.dispose();
      if (session.context.alive) session.context.dispose();
      session.runtime.dispose();
    } catch {
      // A crashed interpreter may refuse to be disposed; it is dropped either way.
    }
  }

  private restart(): void {
    this.closeSession();
    this.openSession();
  }

  private installPrelude(context: QuickJSContext): Session['api'] {
    const bridge = context.newObject();
    const fns: Record<string, (...args: QuickJSHandle[]) => QuickJSHandle | void> = {
      log: (level, text) => this.onLog(context, level!, text!),
      final: (json) => this.onFinal(context, json!),
      toolStart: (name, args) => context.newString(this.onToolStart(context, name!, args!)),
      toolEnd: (id, result, error, injected) => this.onToolEnd(context, id!, result!, error!, injected),
      hostCall: (name, id, args) => this.onHostCall(context, name!, id!, args!),
      fetch: (request) => this.onFetch(context, request!),
      setTimer: (id, ms) => this.onSetTimer(context, id!, ms!),
      clearTimer: (id) => this.onClearTimer(context, id!),
    };
    for (const [name, fn] of Object.entries(fns)) {
      const handle = context.newFunction(name, fn);
      context.setProp(bridge, name, handle);
      handle.dispose();
    }
    const limits = context.newObject();
    for (const key of ['maxLogChars', 'maxObservationChars'] as const) {
      const n = context.newNumber(this.limits[key]);
      context.setProp(limits, key, n);
      n.dispose();
    }
    const factory = context.unwrapResult(context.evalCode(PRELUDE, 'prelude.js'));
    const apiObject = context.unwrapResult(context.callFunction(factory, context.undefined, bridge, limits));
    factory.dispose();
    bridge.dispose();
    limits.dispose();
    const api = {} as Session['api'];
    for (const key of ['settle', 'callRaw', 'fireTimer', 'endStep', 'beginStep', 'describeJson', 'variables'] as const) {
      api[key] = context.getProp(apiObject, key);
    }
    const loadTools = context.getProp(apiObject, 'loadTools');
    apiObject.dispose();
    this.loadToolsHandle = loadTools;
    return api;
  }

  private loadToolsHandle?: QuickJSHandle;

  private loadTools(): void {
    const { context } = this.session!;
    const loader = this.loadToolsHandle!;
    this.loadToolsHandle = undefined;
    const names = this.options.functionNames ?? [];
    const capture = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)).map((n) => `${n}: typeof ${n} === 'function' ? ${n} : undefined`).join(', ');
    const source = `(function (exports, fetch) {\n${this.options.toolsJs}\n;return { ${capture} };\n})`;
    const activity = this.begin({});
    try {
      const factory = context.evalCode(source, TOOLS_FILE);
      if (factory.error) throw new Error(`the tools failed to load: ${this.errorText(factory.error)}`);
      // Lists of names cross as JSON literals (a JSON array of strings is a JavaScript expression).
      const lists = [this.options.toolNames, names, (this.options.hostTools ?? []).map((t) => t.name), this.options.faults ?? {}, this.options.toolSignatures ?? {}].map((l) =>
        context.unwrapResult(context.evalCode(`(${JSON.stringify(l)})`)),
      );
      const result = context.callFunction(loader, context.undefined, factory.value, ...lists);
      factory.value.dispose();
      for (const l of lists) l.dispose();
      if (result.error) throw new Error(`the tools failed to load: ${this.errorText(result.error)}`);
      result.value.dispose();
    } finally {
      loader.dispose();
      this.end(activity);
    }
  }

  // --- one step ---------------------------------------------------------------------------------------

  private begin(options: ExecuteOptions): Activity {
    const controller = new AbortController();
    const activity: Activity = {
      deadline: performance.now() + this.limits.timeoutMs,
      waitingForPerson: 0,
      signal: options.signal,
      onEvent: options.onEvent,
      logs: '',
      droppedLogChars: 0,
      toolCalls: [],
      open: new Map(),
      timers: new Map(),
      deferreds: new Set(),
      tasks: [],
      controller,
    };
    options.signal?.addEventListener('abort', () => {
      controller.abort(options.signal?.reason);
      activity.wake?.();
    });
    this.activity = activity;
    return activity;
  }

  /** Ends an activity: cancels its timers and leftover async work. Returns how many timers were pending. */
  private end(activity: Activity): number {
    for (const t of activity.timers.values()) clearTimeout(t);
    activity.timers.clear();
    activity.controller.abort(new Error('the step ended'));
    let cancelled = 0;
    const session = this.session;
    if (session && this.activity === activity) {
      const n = this.callWith(session.api.endStep);
      cancelled = session.context.getNumber(n);
      n.dispose();
      for (const d of activity.deferreds) d.dispose();
      activity.deferreds.clear();
      if (!this.drain()) this.restart();
    }
    if (this.activity === activity) this.activity = undefined;
    return cancelled;
  }

  /** Runs leftover promise jobs with every job interrupted at once, so no work of this step leaks into the next. */
  private drain(): boolean {
    const { runtime } = this.session!;
    this.draining = true;
    const until = performance.now() + DRAIN_BUDGET_MS;
    try {
      while (performance.now() < until) {
        const result = runtime.executePendingJobs();
        if (result.error) {
          result.error.dispose();
          continue;
        }
        if (result.value === 0) return true;
      }
      return false;
    } finally {
      this.draining = false;
    }
  }

  private shouldInterrupt(): StopReason | undefined {
    if (this.draining) return 'drain';
    const a = this.activity;
    if (!a) return undefined;
    if (a.finalAnswer) return 'final';
    if (a.signal?.aborted) return 'abort';
    if (a.waitingForPerson === 0 && performance.now() > a.deadline) return 'timeout';
    return undefined;
  }

  /** Runs the event loop until the promise settles (to a string) or the step has to stop. */
  private async drive(promise: QuickJSHandle, activity: Activity): Promise<{ text?: string; stop?: StopReason }> {
    const { context, runtime } = this.session!;
    try {
      for (;;) {
        while (activity.tasks.length > 0) activity.tasks.shift()!();
        const jobs = runtime.executePendingJobs();
        const jobFailed = jobs.error !== undefined;
        if (jobs.error) jobs.error.dispose();
        const state = context.getPromiseState(promise);
        if (state.type === 'fulfilled') {
          const text = readString(context, state.value);
          state.value.dispose();
          if (text !== undefined) return { text };
          return { stop: 'final' };
        }
        if (state.type === 'rejected') {
          state.error.dispose();
          return { stop: this.shouldInterrupt() ?? 'stuck' };
        }
        const stop = this.shouldInterrupt();
        if (stop) return { stop };
        if (activity.tasks.length > 0) continue;
        // Nothing queued, no timer, no tool call in flight: nothing can ever settle this promise.
        if (jobFailed) continue; // a job threw (an interrupt): run the rest of the queue first
        if (activity.timers.size === 0 && activity.deferreds.size === 0) return { stop: 'stuck' };
        await new Promise<void>((resolve) => {
          // While a person is asked, only their answer (or Stop) wakes the loop.
          const timer = activity.waitingForPerson > 0 ? undefined : setTimeout(resolve, Math.max(0, activity.deadline - performance.now()) + 1);
          activity.wake = () => {
            if (timer !== undefined) clearTimeout(timer);
            activity.wake = undefined;
            resolve();
          };
        });
      }
    } finally {
      if (promise.alive) promise.dispose();
    }
  }

  /** Why a snippet can never finish: it ran out of memory (and nothing can be allocated to say so), or it awaits forever. */
  private diagnoseStuck(snippet: QuickJSHandle): SandboxError {
    const { context } = this.session!;
    const state = context.getPromiseState(snippet);
    if (state.type === 'rejected') {
      let message = '';
      try {
        const dumped = context.dump(state.error) as { message?: unknown } | null;
        message = String(dumped?.message ?? '');
      } catch {
        message = 'out of memory';
      } finally {
        state.error.dispose();
      }
      if (!message || /out of memory/i.test(message)) return toSandboxError({ type: 'InternalError', message: 'out of memory', stack: '' });
      return toSandboxError({ type: 'Error', message, stack: '' });
    }
    if (state.type === 'fulfilled') state.value.dispose();
    return STUCK_ERROR;
  }

  private stopOrError(handle: QuickJSHandle, activity: Activity): SandboxError | undefined {
    const stop = this.shouldInterrupt();
    const text = this.errorText(handle);
    if (stop === 'final' || activity.finalAnswer) return undefined;
    if (stop) return stopError(stop, this.limits);
    return { type: 'Error', message: text };
  }

  /** A readable message for an error handle that came straight from the interpreter (not from the model's code). */
  private errorText(handle: QuickJSHandle): string {
    try {
      const dumped = this.session!.context.dump(handle) as unknown;
      if (dumped && typeof dumped === 'object' && 'message' in dumped) {
        const d = dumped as { name?: string; message?: string; stack?: string };
        return `${d.name ?? 'Error'}: ${String(d.message).slice(0, 2000)}`;
      }
      return String(dumped).slice(0, 2000);
    } catch {
      return 'unknown error';
    } finally {
      if (handle.alive) handle.dispose();
    }
  }

  // --- calls between sandbox and host -------------------------------------------------------------------

  private call(fn: QuickJSHandle): void {
    this.callWith(fn).dispose();
  }

  private callWith(fn: QuickJSHandle, ...args: QuickJSHandle[]): QuickJSHandle {
    const { context } = this.session!;
    const result = context.callFunction(fn, context.undefined, ...args);
    if (result.error) {
      const text = this.errorText(result.error);
      throw new InternalCallError(text);
    }
    return result.value;
  }

  private onLog(context: QuickJSContext, levelHandle: QuickJSHandle, textHandle: QuickJSHandle): void {
    const a = this.activity;
    const level = readString(context, levelHandle);
    const text = readString(context, textHandle);
    if (!a || text === undefined || a.finalAnswer) return;
    const room = this.limits.maxLogChars - a.logs.length;
    const line = `${text}\n`;
    if (room <= 0) {
      a.droppedLogChars += line.length;
      return;
    }
    const kept = line.length <= room ? line : line.slice(0, room);
    a.droppedLogChars += line.length - kept.length;
    a.logs += kept;
    const lvl = level === 'info' || level === 'warn' || level === 'error' ? level : 'log';
    a.onEvent?.({ type: 'log', level: lvl, text: kept.replace(/\n$/, '') });
  }

  private onFinal(context: QuickJSContext, jsonHandle: QuickJSHandle): void {
    const a = this.activity;
    const json = readString(context, jsonHandle);
    if (!a || json === undefined || a.finalAnswer) return;
    a.finalAnswer = { value: JSON.parse(json) as unknown };
  }

  private onToolStart(context: QuickJSContext, nameHandle: QuickJSHandle, argsHandle: QuickJSHandle): string {
    const id = `t${++this.callCounter}`;
    const a = this.activity;
    const name = readString(context, nameHandle) ?? '?';
    const argsJson = readString(context, argsHandle);
    const args = argsJson !== undefined ? (JSON.parse(argsJson) as unknown[]) : [];
    if (a) {
      const record: ToolCallRecord = { callId: id, name, args, durationMs: 0 };
      a.toolCalls.push(record);
      a.open.set(id, { record, started: performance.now() });
      a.onEvent?.({ type: 'tool_call_start', callId: id, name, args });
    }
    return id;
  }

  private onToolEnd(
    context: QuickJSContext,
    idHandle: QuickJSHandle,
    resultHandle: QuickJSHandle,
    errorHandle: QuickJSHandle,
    injectedHandle: QuickJSHandle | undefined,
  ): void {
    const a = this.activity;
    const id = readString(context, idHandle);
    const open = id !== undefined ? a?.open.get(id) : undefined;
    if (!a || !open) return;
    a.open.delete(id!);
    const error = readString(context, errorHandle);
    const result = readString(context, resultHandle);
    open.record.durationMs = Math.round(performance.now() - open.started);
    if (error) open.record.error = error;
    else if (result) open.record.result = JSON.parse(result) as unknown;
    const injected = parseInjected(injectedHandle ? readString(context, injectedHandle) : undefined);
    if (injected) open.record.injected = injected;
    a.onEvent?.({
      type: 'tool_call_end',
      callId: open.record.callId,
      name: open.record.name,
      ...(error ? { error } : { result: open.record.result }),
      durationMs: open.record.durationMs,
      ...(injected ? { injected } : {}),
    });
  }

  /** Settles a sandbox promise from host work, if the step that asked is still running. */
  private deferred(context: QuickJSContext, work: (signal: AbortSignal) => Promise<string>): QuickJSHandle {
    const a = this.activity;
    const deferred = context.newPromise();
    if (!a) {
      deferred.reject(context.newError('the step has ended'));
      return deferred.handle;
    }
    a.deferreds.add(deferred);
    const settle = (ok: boolean, text: string) => {
      if (this.activity !== a || !deferred.alive) return;
      a.tasks.push(() => {
        if (!deferred.alive) return;
        const value = ok ? context.newString(text) : context.newError(text);
        if (ok) deferred.resolve(value);
        else deferred.reject(value);
        value.dispose();
        a.deferreds.delete(deferred);
        deferred.dispose();
      });
      a.wake?.();
    };
    work(a.controller.signal).then(
      (text) => settle(true, text),
      (error: unknown) => settle(false, messageOf(error)),
    );
    return deferred.handle;
  }

  private onHostCall(context: QuickJSContext, nameHandle: QuickJSHandle, idHandle: QuickJSHandle, argsHandle: QuickJSHandle): QuickJSHandle {
    const name = readString(context, nameHandle);
    const callId = readString(context, idHandle) ?? '';
    const argsJson = readString(context, argsHandle);
    const tool = this.options.hostTools?.find((t) => t.name === name);
    return this.deferred(context, async (signal) => {
      if (!tool || argsJson === undefined) throw new Error(`no host tool named ${String(name)}`);
      const a = tool.waitsForPerson ? this.activity : undefined;
      const started = performance.now();
      if (a) a.waitingForPerson++;
      try {
        // This signal aborts on Stop and when the step ends (deadline), so a team member never outlives its step.
        const value = await tool.call(JSON.parse(argsJson) as unknown[], { signal, callId });
        return JSON.stringify(value === undefined ? null : value);
      } finally {
        if (a) {
          a.waitingForPerson--;
          a.deadline += performance.now() - started;
        }
      }
    });
  }

  private onFetch(context: QuickJSContext, requestHandle: QuickJSHandle): QuickJSHandle {
    const json = readString(context, requestHandle);
    return this.deferred(context, async (signal) => {
      if (json === undefined) throw new TypeError('fetch: bad request');
      const response = await policyFetch(this.options.network, JSON.parse(json) as FetchRequest, signal);
      return JSON.stringify(response);
    });
  }

  private onSetTimer(context: QuickJSContext, idHandle: QuickJSHandle, msHandle: QuickJSHandle): void {
    const a = this.activity;
    if (!a || context.typeof(idHandle) !== 'number' || context.typeof(msHandle) !== 'number') return;
    const id = context.getNumber(idHandle);
    const ms = context.getNumber(msHandle);
    const timer = setTimeout(() => {
      a.timers.delete(id);
      if (this.activity !== a) return;
      a.tasks.push(() => {
        const session = this.session;
        if (!session || this.activity !== a) return;
        const idValue = context.newNumber(id);
        try {
          const result = this.callWith(session.api.fireTimer, idValue);
          const text = readString(context, result);
          result.dispose();
          if (text && !a.timerError) {
            const raw = JSON.parse(text) as RawError;
            if (!raw.final) a.timerError = toSandboxError(raw, this.callee(a));
          }
        } catch {
          // Interrupted (deadline, abort, final answer): the loop notices on its own.
        } finally {
          idValue.dispose();
        }
      });
      a.wake?.();
    }, Math.min(ms, 2_147_483_647));
    a.timers.set(id, timer);
  }

  private onClearTimer(context: QuickJSContext, idHandle: QuickJSHandle): void {
    const a = this.activity;
    if (!a || context.typeof(idHandle) !== 'number') return;
    const id = context.getNumber(idHandle);
    const timer = a.timers.get(id);
    if (timer) clearTimeout(timer);
    a.timers.delete(id);
  }
}

class InternalCallError extends Error {}

const STUCK_ERROR: SandboxError = {
  type: 'DeadlockError',
  message:
    'the code awaits a promise that nothing can settle (no timer, tool call or other work is pending), so it would wait forever; resolve every promise you await',
};

interface RawError {
  type: string;
  message: string;
  stack: string;
  final?: boolean;
}

/** Reads a string handle; anything that is not a string is refused (hostile values never reach the host). */
function readString(context: QuickJSContext, handle: QuickJSHandle): string | undefined {
  return context.typeof(handle) === 'string' ? context.getString(handle) : undefined;
}

interface CalleeHint {
  code: string;
  known: string[];
}

function toSandboxError(raw: RawError, hint?: CalleeHint): SandboxError {
  const line = /snippet\.js:(\d+)/.exec(raw.stack)?.[1];
  let { type } = raw;
  let message = hint ? nameCallee(raw, hint.code, hint.known) : raw.message;
  if (/out of memory/i.test(message)) {
    type = 'MemoryError';
    message = 'the code used more memory than the sandbox allows (out of memory); work with smaller data';
  } else if (/stack overflow/i.test(message)) {
    type = 'RangeError';
    message = 'Maximum call stack size exceeded (stack overflow): probably a recursion that never ends';
  }
  if (message.length > 2_000) message = `${message.slice(0, 2_000)}… [message cut]`;
  return { type, message, ...(line ? { line: Number(line) } : {}) };
}

function stopError(stop: StopReason, limits: SandboxLimits): SandboxError | undefined {
  if (stop === 'timeout') {
    return {
      type: 'TimeoutError',
      message: `the step took longer than ${limits.timeoutMs / 1000} s and was stopped: avoid endless loops and waiting on work that never finishes`,
    };
  }
  if (stop === 'abort') return { type: 'AbortError', message: 'the run was stopped' };
  return undefined;
}

function finishLogs(activity: Activity, limits: SandboxLimits): string {
  if (activity.droppedLogChars === 0) return activity.logs;
  return `${activity.logs}[… log output cut: ${activity.droppedLogChars} more characters were dropped; the limit is ${limits.maxLogChars} per step …]\n`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
