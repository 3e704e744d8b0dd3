// A whole run on the WebContainer sandbox, with everything real but the container: the runner (as in its worker)
// drives the kernel executor, whose launcher sends kernel messages to the page side, which launches the kernel in a
// stand-in container. The stand-in runs the real kernel program as a Node child process behind a fake terminal
// (input echoed, \r\n line ends, colour codes), with its files on disk, and an npm that "installs" a local package.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldEvents, type AgentEvent } from '../../agent';
import { createRunnerClient } from '../../runner/runner-client';
import type { KernelPort, KernelReply } from './kernel-messages';
import { inProcessRunner } from '../../test-support/in-process-runner';
import { js, playground } from '../../test-support/playgrounds';
import { KERNEL_NODE_FLAGS, KERNEL_SOURCE } from '../kernel/kernel-source';
import { serveKernelRequests } from './serve-kernel-requests';
import { createStandInProcess, type StandInProcess } from './stand-in-webcontainer';
import { packageName } from '../../playground/package-name';
import { createWebContainerHost, type ContainerLike } from './webcontainer-host';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** A container whose files are on disk and whose `node` is this Node, behind a terminal-like stream. */
function diskContainer(): ContainerLike & { processes: StandInProcess[] } {
  const dir = mkdtempSync(join(tmpdir(), 'webcontainer-stand-in-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const at = (p: string) => (isAbsolute(p) ? p : join(dir, p));
  const processes: StandInProcess[] = [];
  const children: ChildProcess[] = [];
  cleanups.push(() => children.forEach((c) => c.kill('SIGKILL')));
  return {
    workdir: dir,
    processes,
    async mount(tree) {
      for (const [name, node] of Object.entries(tree)) writeFileSync(join(dir, name), node.file.contents);
    },
    async spawn(command, args, options) {
      if (command === 'npm') {
        const proc = createStandInProcess(command, args, options, {
          start(p) {
            for (const spec of args.filter((a) => !a.startsWith('-')).slice(1)) {
              const pkg = join(dir, 'node_modules', packageName(spec));
              mkdirSync(pkg, { recursive: true });
              writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: packageName(spec), version: '1.0.0', main: 'index.js' }));
              writeFileSync(join(pkg, 'index.js'), 'exports.double = (x) => x * 2;\n');
            }
            p.print('\x1b[1G\x1b[0K⠙\x1b[1G\x1b[0Kadded 1 package in 0.1s\r\n');
            p.end(0);
          },
        });
        processes.push(proc);
        return proc;
      }
      if (command !== 'node') throw new Error(`spawn ${command} ENOENT`);
      let child!: ChildProcess;
      const proc = createStandInProcess(command, args, options, {
        start(p) {
          child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, ...options?.env }, stdio: 'pipe' });
          children.push(child);
          const toTerminal = (text: string) => p.print(text.replace(/\n/g, '\r\n'));
          child.stdout!.setEncoding('utf8').on('data', toTerminal);
          child.stderr!.setEncoding('utf8').on('data', (text: string) => toTerminal(`\x1b[31m${text}\x1b[39m`));
          child.on('exit', (code) => p.end(code ?? 137));
          p.print('\x1b]0;node kernel.cjs\x07');
        },
        input: (_, text) => void child.stdin!.write(text),
        kill: () => void child.kill('SIGKILL'),
      });
      processes.push(proc);
      return proc;
    },
    fs: {
      async writeFile(path, data) {
        mkdirSync(dirname(at(path)), { recursive: true });
        writeFileSync(at(path), data);
      },
      mkdir: async (path) => mkdirSync(at(path), { recursive: true }),
      rm: async (path) => rmSync(at(path), { recursive: true, force: true }),
    },
  };
}

function connect() {
  const container = diskContainer();
  const host = createWebContainerHost({
    boot: async () => container,
    kernel: () => ({ source: KERNEL_SOURCE, nodeFlags: KERNEL_NODE_FLAGS }),
    isCrossOriginIsolated: () => true,
  });
  const runner = inProcessRunner();
  const page = serveKernelRequests(runner.port as unknown as KernelPort<unknown, KernelReply>, () => host);
  cleanups.push(() => {
    page.close();
    runner.terminate();
  });
  return { container, host, client: createRunnerClient(runner.port) };
}

function run(client: ReturnType<typeof createRunnerClient>, pg: ReturnType<typeof playground>) {
  const events: AgentEvent[] = [];
  return new Promise<{ events: AgentEvent[]; error?: string }>((resolve) => {
    client.start('r', pg, { onEvents: (batch) => events.push(...batch), onManualTurn: () => {}, onDone: (error) => resolve({ events, error }) });
  });
}

describe('a run on the WebContainer sandbox (stand-in container, real kernel)', () => {
  it('runs steps in a persistent Node session through the page, and says so', async () => {
    const { client, host, container } = connect();
    expect(await host.ensureReady([])).toEqual({ ok: true });
    const pg = playground({
      responses: [js('let total = add(2, 3);\nconsole.log("total is", total);'), js('final_answer(total * 10)')],
      sandbox: { kind: 'webcontainer' },
    });
    const { events, error } = await run(client, pg);
    expect(error).toBeUndefined();
    const state = foldEvents(events);
    expect(state.runs[0]!.sandbox).toBe('webcontainer');
    expect(state.runs[0]!.status).toBe('success');
    expect(state.runs[0]!.finalAnswer).toEqual({ value: 50 });
    expect(state.steps[0]!.logs).toBe('total is 5\n');
    const node = container.processes.find((p) => p.command === 'node')!;
    expect(node.args).toEqual([...KERNEL_NODE_FLAGS, 'kernel.cjs']);
  }, 30_000);

  it('lets the code import an installed package, and refuses any other with a clear error', async () => {
    const { client, host } = connect();
    expect(await host.ensureReady(['twice@1.0.0'])).toEqual({ ok: true });
    const pg = playground({
      responses: [js("import { double } from 'twice';\nconsole.log(double(21));"), js("import _ from 'lodash';"), js('final_answer(double(4))')],
      sandbox: { kind: 'webcontainer', packages: ['twice@1.0.0'] },
    });
    const { events, error } = await run(client, pg);
    expect(error).toBeUndefined();
    const state = foldEvents(events);
    expect(state.steps[0]!.logs).toBe('42\n');
    expect(state.steps[1]!.error?.message).toMatch(/package 'lodash' is not available: the packages you may import are: twice/);
    expect(state.runs[0]!.finalAnswer).toEqual({ value: 8 });
  }, 30_000);
});
