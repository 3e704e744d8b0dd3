// The page's WebContainer: boots it at most once, installs the playground's npm packages, and launches kernel
// processes in it. Lives on the page because the WebContainer API makes an iframe; runner workers reach it through
// kernel messages (see serve-kernel-requests.ts).
//
// Booting puts a hidden iframe on the page pointing at StackBlitz's servers. Offline (or blocked) that boot never
// settles, and every later boot on the page waits behind it, so: the page's cross-origin isolation is checked first,
// the boot is raced against a timeout, and a failed or timed-out boot leaves the container 'unavailable' until the
// person asks to boot again (`retry`, with the same timeout); `boot` is then told which attempt it is.
import { createOutputFanout } from '../kernel/output-fanout';
import type { KernelProcess } from '../kernel/kernel-process';
import { createLineSplitter, createTerminalCleaner, meaningfulLine } from './terminal-text';
import { move, type WebContainerStatus } from './webcontainer-status';
import { packageName } from '../../playground/package-name';

/** The parts of a WebContainer process used here (the real one has more). */
export interface ContainerProcess {
  /** Everything the process and its children print, stdout and stderr merged, through a pseudo-terminal. */
  output: ReadableStream<string>;
  input: WritableStream<string>;
  exit: Promise<number>;
  kill(): void;
}

export interface ContainerSpawnOptions {
  env?: Record<string, string>;
  terminal?: { cols: number; rows: number };
}

/** The parts of a booted WebContainer used here, so tests can pass a stand-in with the same shape. */
export interface ContainerLike {
  /** Absolute path of the working directory, where mounted files and the kernel's cwd are. */
  readonly workdir?: string;
  mount(tree: Record<string, { file: { contents: string } }>): Promise<void>;
  spawn(command: string, args: string[], options?: ContainerSpawnOptions): Promise<ContainerProcess>;
  fs: {
    writeFile(path: string, data: string): Promise<void>;
    mkdir(path: string, options: { recursive: true }): Promise<unknown>;
    rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
  };
}

/** `scope` of a failure: `boot` (the container never comes on this page) or `packages` (fix the list, run again). */
export interface KernelProgram {
  /** CommonJS source. */
  source: string;
  /** Node flags to start it with (e.g. --experimental-vm-modules). */
  nodeFlags?: readonly string[];
}

export type Readiness = { ok: true } | { ok: false; reason: string; scope: 'boot' | 'packages' };

/** A kernel process in the container; files for the kernel always go through `putFile` (stdin is a terminal). */
export type ContainerKernelProcess = KernelProcess & Required<Pick<KernelProcess, 'putFile'>>;

export interface WebContainerHostOptions {
  /**
   * Boots the container; `attempt` is 1 for the first boot and counts up with each retry. The page passes
   * WebContainer.boot (once per page, see page-webcontainer.ts); tests pass a stand-in.
   */
  boot: (attempt: number) => Promise<ContainerLike>;
  /** The kernel program, mounted as kernel.cjs, and the Node flags it needs. Loaded when the container boots. */
  kernel: () => KernelProgram | Promise<KernelProgram>;
  /** How long a boot may take before the container is declared unavailable (read when the boot starts). */
  timeoutMs?: number | (() => number);
  /** How long `npm install` may take. */
  installTimeoutMs?: number;
  /** Defaults to the page's `crossOriginIsolated`. */
  isCrossOriginIsolated?: () => boolean;
}

export interface WebContainerHost {
  readonly status: WebContainerStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: WebContainerStatus) => void): () => void;
  /** Boots the container if nothing did yet; the answer of the current boot of this host. */
  boot(): Promise<Readiness>;
  /** After a failed boot: boots again, with the same timeout (read afresh). Otherwise the same as `boot`. */
  retry(): Promise<Readiness>;
  /** Boots, then installs those of `packages` not installed yet. */
  ensureReady(packages: readonly string[]): Promise<Readiness>;
  /** Starts a kernel program; rejects with the reason when the container is unavailable. */
  launch(options: { memoryMb: number }): Promise<ContainerKernelProcess>;
}

export const DEFAULT_BOOT_TIMEOUT_MS = 20_000;
export const DEFAULT_INSTALL_TIMEOUT_MS = 180_000;
export const KERNEL_FILE = 'kernel.cjs';
/** Where `putFile` writes, relative to the working directory: a folder per kernel process. */
export const KERNEL_FILES_DIR = 'kernel-files';
/** The pseudo-terminal is wide so nothing in it wraps long lines. */
const TERMINAL = { cols: 10_000, rows: 50 };
const QUIET_ENV = { NO_COLOR: '1', TERM: 'dumb' };
const PACKAGE_JSON = `${JSON.stringify({ name: 'playground-kernel', version: '0.0.0', private: true }, null, 2)}\n`;

class BootTimeout extends Error {}

export function createWebContainerHost(options: WebContainerHostOptions): WebContainerHost {
  let status: WebContainerStatus = { state: 'idle' };
  const listeners = new Set<(status: WebContainerStatus) => void>();
  let booted: Promise<{ container: ContainerLike; nodeFlags: readonly string[] } | { reason: string }> | undefined;
  const installed = new Set<string>();
  /** Installs run one after another; a second request waits and then installs only what is still missing. */
  let lane: Promise<unknown> = Promise.resolve();
  let nextProcess = 1;
  let attempts = 0;

  const set = (next: WebContainerStatus) => {
    status = move(status, next);
    for (const listener of listeners) listener(status);
  };
  const unavailable = (reason: string) => {
    set({ state: 'unavailable', reason, scope: 'boot' });
    return { reason };
  };

  function bootOnce() {
    booted ??= (async () => {
      set({ state: 'checking-isolation' });
      const isolated = options.isCrossOriginIsolated ?? (() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true);
      if (!isolated()) {
        return unavailable(
          'this page is not cross-origin isolated (it was served without the Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers), and WebContainer needs that.',
        );
      }
      const timeoutMs = typeof options.timeoutMs === 'function' ? options.timeoutMs() : (options.timeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS);
      set({ state: 'booting', timeoutMs, startedAt: Date.now() });
      attempts += 1;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new BootTimeout()), timeoutMs);
        });
        const container = await Promise.race([options.boot(attempts), timeout]);
        clearTimeout(timer);
        const kernel = await options.kernel();
        await container.mount({ [KERNEL_FILE]: { file: { contents: kernel.source } }, 'package.json': { file: { contents: PACKAGE_JSON } } });
        set({ state: 'ready', packages: [] });
        return { container, nodeFlags: kernel.nodeFlags ?? [] };
      } catch (error) {
        if (error instanceof BootTimeout) {
          return unavailable(
            `WebContainer's runtime is served by StackBlitz, and it could not be reached within ${formatSeconds(timeoutMs)} (offline, blocked by a firewall or a browser extension, or StackBlitz's service is down).`,
          );
        }
        return unavailable(`WebContainer's runtime (served by StackBlitz) failed to start: ${messageOf(error)}.`);
      } finally {
        clearTimeout(timer);
      }
    })();
    return booted;
  }


  async function install(c: ContainerLike, wanted: string[]): Promise<Readiness> {
    const missing = wanted.filter((p) => !installed.has(p));
    if (missing.length === 0) {
      if (status.state !== 'ready' || status.packages.join() !== wanted.join()) set({ state: 'ready', packages: wanted });
      return { ok: true };
    }
    const progress = { state: 'installing' as const, packages: missing, done: 0, total: missing.length };
    set(progress);
    const failed = (reason: string): Readiness => {
      set({ state: 'unavailable', reason, scope: 'packages' });
      return { ok: false, reason, scope: 'packages' };
    };
    let proc: ContainerProcess;
    try {
      proc = await c.spawn('npm', ['install', '--no-audit', '--no-fund', ...missing], { env: QUIET_ENV, terminal: TERMINAL });
    } catch (error) {
      return failed(`npm could not be started: ${messageOf(error)}`);
    }
    const lines: string[] = [];
    const seen = new Set<string>();
    const names = missing.map(packageName);
    const onLine = (raw: string) => {
      const line = meaningfulLine(raw);
      if (!line) return;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      // npm names a package as name@version when it reports on it; count the ones it reached.
      for (const name of names) if (line.includes(`${name}@`)) seen.add(name);
      set({ ...progress, done: Math.min(seen.size, missing.length), line });
    };
    const reading = readText(proc.output, onLine);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeoutMs = options.installTimeoutMs ?? DEFAULT_INSTALL_TIMEOUT_MS;
    const code = await Promise.race([
      proc.exit,
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (code === 'timeout') {
      proc.kill();
      return failed(`npm install ${missing.join(' ')} did not finish within ${formatSeconds(timeoutMs)}.`);
    }
    // The last lines may trail the exit a little.
    await Promise.race([reading, delay(50)]);
    if (code !== 0) {
      return failed(`npm install ${missing.join(' ')} failed (exit code ${code})${explainInstallFailure(lines)}`);
    }
    for (const p of missing) installed.add(p);
    set({ state: 'ready', packages: wanted });
    return { ok: true };
  }

  return {
    get status() {
      return status;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async boot() {
      const outcome = await bootOnce();
      return 'reason' in outcome ? { ok: false, reason: outcome.reason, scope: 'boot' } : { ok: true };
    },
    retry() {
      if (status.state === 'unavailable' && status.scope === 'boot') booted = undefined;
      return this.boot();
    },
    ensureReady(packages) {
      const wanted = [...new Set(packages.map((p) => p.trim()).filter(Boolean))];
      const turn = lane.then(async (): Promise<Readiness> => {
        const outcome = await bootOnce();
        if ('reason' in outcome) return { ok: false, reason: outcome.reason, scope: 'boot' };
        return install(outcome.container, wanted);
      });
      lane = turn.catch(() => undefined);
      return turn;
    },
    async launch({ memoryMb }) {
      const outcome = await bootOnce();
      if ('reason' in outcome) throw new Error(`The WebContainer sandbox is unavailable: ${outcome.reason}`);
      const c = outcome.container;
      const id = nextProcess++;
      let proc: ContainerProcess;
      try {
        proc = await c.spawn('node', [...outcome.nodeFlags, KERNEL_FILE], {
          env: { ...QUIET_ENV, KERNEL_MEMORY_MB: String(memoryMb) },
          terminal: TERMINAL,
        });
      } catch (error) {
        throw new Error(`The kernel could not be started in the WebContainer: ${messageOf(error)}`);
      }
      return wrapKernelProcess(c, proc, id);
    },
  };
}

function wrapKernelProcess(c: ContainerLike, proc: ContainerProcess, id: number): ContainerKernelProcess {
  const cleaner = createTerminalCleaner();
  const output = createOutputFanout();
  const emit = (text: string) => {
    if (text) output.emit(text);
  };
  const piped = proc.output
    .pipeTo(
      new WritableStream<string>({
        write: (chunk) => emit(cleaner.push(chunk)),
        close: () => emit(cleaner.flush()),
      }),
    )
    .catch(() => undefined);
  const writer = proc.input.getWriter();
  let killed = false;
  const dir = `${KERNEL_FILES_DIR}/${id}`;
  let madeDir: Promise<unknown> | undefined;
  // The last output may trail the exit a little: let it through first.
  const exited = proc.exit.then(
    async (code) => {
      await Promise.race([piped, delay(50)]);
      return killed ? null : code;
    },
    () => null,
  );
  void exited.then(() => {
    writer.releaseLock();
    if (madeDir) void c.fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  });
  return {
    write(text) {
      if (!killed) void writer.write(text).catch(() => undefined);
    },
    onOutput: output.onOutput,
    async putFile(name, contents) {
      const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'file';
      madeDir ??= c.fs.mkdir(dir, { recursive: true });
      await madeDir;
      const relative = `${dir}/${safe}`;
      await c.fs.writeFile(relative, contents);
      return c.workdir ? `${c.workdir.replace(/\/$/, '')}/${relative}` : relative;
    },
    exited,
    kill() {
      killed = true;
      proc.kill();
    },
  };
}

/** Reads a terminal stream as cleaned lines until it ends. */
async function readText(stream: ReadableStream<string>, onLine: (line: string) => void): Promise<void> {
  const cleaner = createTerminalCleaner({ redrawAsCarriageReturn: true });
  const lines = createLineSplitter(onLine);
  try {
    await stream.pipeTo(
      new WritableStream<string>({
        write: (chunk) => lines.push(cleaner.push(chunk)),
        close: () => {
          lines.push(cleaner.flush());
          lines.flush();
        },
      }),
    );
  } catch {
    // The process went away: what was read is all there is.
  }
}

/** What to tell the person about a failed install, from npm's last lines. */
export function explainInstallFailure(lines: string[]): string {
  const errors = lines.filter((l) => /\b(ERR!|error)\b/i.test(l) || /^E[A-Z0-9]{3,}\b/.test(l));
  const notFound = lines.find((l) => /404 Not Found|is not in this registry|No matching version/i.test(l));
  if (notFound) return `: ${notFound.replace(/^npm (ERR!|error)\s*/i, '')}`;
  const picked = (errors.length > 0 ? errors : lines).slice(-4).map((l) => l.replace(/^npm (ERR!|error)\s*/i, ''));
  return picked.length > 0 ? `:\n${picked.join('\n')}` : '.';
}

function formatSeconds(ms: number): string {
  return ms >= 1_000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}
