// Runs the kernel as a Node child process (tests, the CLI), under Node's permission model: it may read only its own
// folder (and the packages folder, when given), write only its own folder, and start no child process and no worker.
// The permission model does not restrict the network, and the `vm` context is not a security boundary either: the
// QuickJS sandbox stays the default. Node-only (child_process, fs): import it from lib/sandbox/node, never in a page.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { register } from 'node:module';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KernelLauncher, KernelProcess } from '../kernel/kernel-process';
import { LineSplitter } from '../kernel/kernel-protocol';
import { KERNEL_FILE, KERNEL_NODE_FLAGS } from '../kernel/kernel-launch';

export interface NodeLauncherOptions {
  /** The node binary (default: the one running this process). */
  nodePath?: string;
  /** A node_modules folder the allowed packages are loaded from (the kernel gets read access to it). */
  modulesDir?: string;
  /** The program to run instead of the kernel (tests probe the permission flags with it). */
  source?: string;
}

export interface NodeKernelProcess extends KernelProcess {
  /** The process's own temporary folder (the only place it may write); removed when the process ends. */
  readonly dir: string;
  readonly pid: number | undefined;
}

/**
 * The flags that confine the kernel: Node's permission model (`--permission` since Node 22.13, before that
 * `--experimental-permission`) and the heap limit.
 */
export function kernelNodeArgs(dir: string, memoryMb: number, modulesDir?: string, permissionFlag = currentPermissionFlag()): string[] {
  return [
    permissionFlag,
    `--allow-fs-read=${dir}`,
    ...(modulesDir ? [`--allow-fs-read=${modulesDir}`] : []),
    `--allow-fs-write=${dir}`,
    `--max-old-space-size=${Math.max(16, Math.round(memoryMb))}`,
    ...KERNEL_NODE_FLAGS,
  ];
}

export interface NodeLauncher extends KernelLauncher {
  readonly kind: 'node';
  launch(options: { memoryMb: number }): Promise<NodeKernelProcess>;
}

/** Kernels still running, so that the host's exit takes them and their folders along. */
const live = new Map<ChildProcess, string>();
let exitHookInstalled = false;
function track(child: ChildProcess, dir: string): void {
  live.set(child, dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [c, d] of live) {
      c.kill('SIGKILL');
      rmSync(d, { recursive: true, force: true });
    }
  });
}

function currentPermissionFlag(): string {
  return process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
}

/** Asks another node binary which name its permission flag has. */
function permissionFlagOf(nodePath: string): string {
  if (nodePath === process.execPath) return currentPermissionFlag();
  const out = execFileSync(nodePath, ['-p', "process.allowedNodeEnvironmentFlags.has('--permission')"], { encoding: 'utf8', env: {} as NodeJS.ProcessEnv });
  return out.trim() === 'true' ? '--permission' : '--experimental-permission';
}

let kernelSource: Promise<string> | undefined;
/**
 * The kernel program's text (kernel-source.ts, a `?raw` import of kernel.cjs), loaded on first launch: plain Node
 * (tsx) learns `?raw` from the hooks registered here first; under Vite (vitest) the import never reaches them.
 */
function loadKernelSource(): Promise<string> {
  kernelSource ??= (async () => {
    register('./text-import-hooks.mjs', import.meta.url);
    const { KERNEL_SOURCE } = await import('../kernel/kernel-source');
    return KERNEL_SOURCE;
  })();
  return kernelSource;
}

export function createNodeLauncher(options: NodeLauncherOptions = {}): NodeLauncher {
  const nodePath = options.nodePath ?? process.execPath;
  let permissionFlag: string | undefined;
  return {
    kind: 'node',
    async launch({ memoryMb }) {
      const dir = await realpath(await mkdtemp(join(tmpdir(), 'agent-kernel-')));
      const modulesDir = options.modulesDir ? await realpath(options.modulesDir) : undefined;
      const file = join(dir, KERNEL_FILE);
      await writeFile(file, options.source ?? (await loadKernelSource()));
      permissionFlag ??= permissionFlagOf(nodePath);
      const args = [...kernelNodeArgs(dir, memoryMb, modulesDir, permissionFlag), file, ...(modulesDir ? [modulesDir] : [])];
      const child = spawn(nodePath, args, {
        cwd: dir,
        // Nothing of the host's environment (API keys live there).
        env: { NO_COLOR: '1', TERM: 'dumb' } as unknown as NodeJS.ProcessEnv,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const cleanup = () => {
        live.delete(child);
        return rm(dir, { recursive: true, force: true }).catch(() => undefined);
      };
      const exited = new Promise<number | null>((resolve) => {
        child.once('close', (code) => {
          void cleanup().then(() => resolve(code));
        });
      });
      try {
        await new Promise<void>((resolve, reject) => {
          child.once('spawn', resolve);
          child.once('error', reject);
        });
      } catch (error) {
        await cleanup();
        throw new Error(`could not start the Node kernel (${(error as Error).message})`);
      }
      track(child, dir);
      // A forgotten kernel must not keep the host process alive; pending requests keep it alive with their timers.
      child.unref();
      for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
      child.stdin.on('error', () => undefined);

      // stdout and stderr arrive separately: pass whole lines only, so one stream never cuts into the other's line.
      const listeners = new Set<(chunk: string) => void>();
      const emit = (text: string) => {
        for (const listener of listeners) listener(text);
      };
      for (const stream of [child.stdout, child.stderr]) {
        const splitter = new LineSplitter();
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          const lines = splitter.push(chunk);
          if (lines.length > 0) emit(`${lines.join('\n')}\n`);
        });
        stream.on('end', () => {
          const rest = splitter.push('\n');
          if (rest.length > 0 && rest[0] !== '') emit(`${rest[0]}\n`);
        });
      }
      return {
        dir,
        pid: child.pid,
        write(text) {
          if (child.stdin.writable) child.stdin.write(text);
        },
        onOutput(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        exited,
        kill() {
          child.kill('SIGKILL');
        },
        interrupt() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
        },
      };
    },
  };
}

/** The same launcher without signal interrupts, like a process in a WebContainer: the kernel then bounds each run with a vm timeout. */
export function withoutInterrupt(launcher: KernelLauncher): KernelLauncher {
  return {
    kind: launcher.kind,
    async launch(options) {
      const { interrupt: _unused, ...rest } = await launcher.launch(options);
      return rest;
    },
  };
}
