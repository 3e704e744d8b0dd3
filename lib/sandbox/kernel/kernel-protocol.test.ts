// The kernel protocol and the host's handling of a kernel process: framing, stray output, big payloads, crashes,
// the watchdog, the permission model and package imports. The real kernel runs as a Node child process.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileTools } from '../../tools/compile-tools';
import { CONTRACT_TOOLS } from '../executor-contract';
import { createNodeLauncher, withoutInterrupt, type NodeKernelProcess, type NodeLauncher } from '../node/node-launcher';
import { createNodeExecutor } from '../node/create-node-executor';
import { PRELUDE } from '../quickjs/prelude';
import type { ExecutionEvent, Executor, ExecutorOptions } from '../types';
import { createKernelExecutor, type KernelExecutorOptions } from './kernel-executor';
import type { KernelLauncher, KernelProcess } from './kernel-process';
import { INLINE_LINE_CHARS, KernelChannel, kernelPrefix, LineSplitter, newKernelToken, type InitMessage, type KernelMessage } from './kernel-protocol';

const compiled = compileTools(CONTRACT_TOOLS);
const TOOLS: ExecutorOptions = { toolsJs: compiled.js, toolNames: compiled.tools.map((t) => t.name), functionNames: compiled.functionNames };

const open: Executor[] = [];
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

async function kernel(options: Partial<KernelExecutorOptions> = {}) {
  const executor = createKernelExecutor({ ...TOOLS, limits: { timeoutMs: 2_000 }, launcher: createNodeLauncher(), ...options });
  open.push(executor);
  await executor.start();
  return executor;
}

/** A launcher that remembers the processes it started, so a test can reach them. */
function recordingLauncher(inner = createNodeLauncher()) {
  const launched: NodeKernelProcess[] = [];
  const launcher: NodeLauncher = {
    kind: 'node',
    async launch(o) {
      const p = await inner.launch(o);
      launched.push(p);
      return p;
    },
  };
  return { launcher, launched };
}

/** A fake process that records what the host writes and lets a test feed output. */
function fakeProcess() {
  const listeners = new Set<(chunk: string) => void>();
  const written: string[] = [];
  const process: KernelProcess = {
    write: (text) => void written.push(text),
    onOutput(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exited: new Promise(() => {}),
    kill: () => {},
  };
  return { process, written, feed: (chunk: string) => listeners.forEach((l) => l(chunk)) };
}

describe('framing', () => {
  it('splits lines across chunks of any size, and several lines in one chunk', () => {
    const text = 'first line\nsecond\n\nfourth is longer\n';
    for (let size = 1; size <= text.length; size++) {
      const splitter = new LineSplitter();
      const lines: string[] = [];
      for (let i = 0; i < text.length; i += size) lines.push(...splitter.push(text.slice(i, i + size)));
      expect(lines).toEqual(['first line', 'second', '', 'fourth is longer']);
    }
  });

  it('takes only prefixed lines as messages: echo, stray output, other tokens and broken JSON are ignored', () => {
    const { process, feed } = fakeProcess();
    const token = newKernelToken();
    const got: KernelMessage[] = [];
    const channel = new KernelChannel(process, token, (m) => got.push(m));
    const prefix = kernelPrefix(token);
    const ready = { t: 'ready', node: 'v22', importGuard: true, syncDrain: true };
    const log = { t: 'log', id: 1, level: 'log', text: 'hi\n' };
    const stream =
      'npm WARN something\n' +
      `{"t":"init","token":"${token}"}\r\n` + // a terminal's echo of what the host wrote
      `${kernelPrefix('someoneelse')}${JSON.stringify(log)}\n` +
      `${prefix}{"t":"log", broken\n` +
      `${prefix}${JSON.stringify(ready)}\r\n` +
      `\u001b[32m${prefix}${JSON.stringify(log)}\n` + // colour codes before the prefix
      `${prefix}${JSON.stringify(log)}\n${prefix}${JSON.stringify(log)}\n`;
    for (let i = 0; i < stream.length; i += 5) feed(stream.slice(i, i + 5));
    expect(got).toEqual([ready, log, log, log]);
    expect(channel.tail).toContain('npm WARN something');
    expect(channel.tail).toContain('someoneelse');
  });

  it('writes one JSON line per message', () => {
    const { process, written } = fakeProcess();
    const channel = new KernelChannel(process, newKernelToken(), () => {});
    channel.send({ t: 'exec', id: 3, code: 'a\nb' });
    expect(written).toEqual(['{"t":"exec","id":3,"code":"a\\nb"}\n']);
  });
});

describe('the kernel process over the protocol', () => {
  it('ignores a terminal echo and noise around its messages (chunks cut anywhere, CRLF)', async () => {
    const inner = createNodeLauncher();
    const noisy: KernelLauncher = {
      kind: 'node',
      async launch(o) {
        const p = await inner.launch(o);
        const listeners = new Set<(chunk: string) => void>();
        const emit = (text: string) => {
          const crlf = text.replace(/\n/g, '\r\n');
          for (let i = 0; i < crlf.length; i += 97) for (const l of listeners) l(crlf.slice(i, i + 97));
        };
        p.onOutput((chunk) => emit(`npm notice stray output\n${chunk}`));
        return {
          write: (text) => {
            emit(text); // the echo of a pseudo-terminal
            p.write(text);
          },
          onOutput: (l) => {
            listeners.add(l);
            return () => listeners.delete(l);
          },
          exited: p.exited,
          kill: () => p.kill(),
        };
      },
    };
    const s = await kernel({
      launcher: noisy,
      hostTools: [{ name: 'member', call: async (args) => ({ got: args[0] }) }],
    });
    const r = await s.execute('const x = add(2, 3);\nconsole.log("x is", x);\nconst m = await member("hi");\nm.got + x');
    expect(r).toMatchObject({ logs: 'x is 5\n', output: 'hi5' });
    expect(r.toolCalls.map((c) => c.name)).toEqual(['add', 'member']);
    expect((await s.execute('x * 2')).output).toBe('10');
  });

  it('carries multi-megabyte payloads both ways', async () => {
    const big = 'ab'.repeat(1_500_000); // 3 MB
    const s = await kernel({
      limits: { timeoutMs: 10_000, maxLogChars: 4_000_000 },
      hostTools: [{ name: 'fetch_big', call: async () => big }],
    });
    const inbound = await s.execute(`const literal = "${big}";\nliteral.length`);
    expect(inbound.output).toBe('3000000');
    const fromHost = await s.execute('const got = await fetch_big();\ngot.length + ":" + (got === literal)');
    expect(fromHost.output).toBe('3000000:true');
    const outbound = await s.execute('console.log(literal)');
    expect(outbound.logs).toBe(`${big}\n`);
  });

  it('reads messages from a file when asked (for transports with a line limit), then removes it', async () => {
    const p = await createNodeLauncher().launch({ memoryMb: 64 });
    const keepAlive = setInterval(() => {}, 1_000);
    try {
      const token = newKernelToken();
      const ready = new Promise<KernelMessage>((resolve) => new KernelChannel(p, token, resolve));
      const init: InitMessage = {
        t: 'init',
        token,
        prelude: PRELUDE,
        toolsJs: '',
        toolNames: [],
        functionNames: [],
        hostTools: [],
        limits: { timeoutMs: 1_000, maxLogChars: 1_000, maxObservationChars: 1_000 },
        packages: [],
      };
      const file = join(p.dir, 'messages.jsonl');
      await writeFile(file, `${JSON.stringify(init)}\n`);
      p.write(`${JSON.stringify({ t: 'file', path: file })}\n`);
      expect(await ready).toMatchObject({ t: 'ready', importGuard: true, syncDrain: true });
      expect(existsSync(file)).toBe(false);
    } finally {
      clearInterval(keepAlive);
      p.kill();
      await p.exited;
    }
    expect(existsSync(p.dir)).toBe(false);
  });

  it('restarts a kernel that dies mid-step, with the tools loaded, and says the state was lost', async () => {
    const { launcher, launched } = recordingLauncher();
    const s = await kernel({ launcher });
    await s.execute('const before = 1;');
    const r = await s.execute('add(1, 2);\nawait new Promise((r) => setTimeout(r, 20_000));', {
      onEvent: (e) => {
        if (e.type === 'tool_call_start') launched[0]!.kill();
      },
    });
    expect(r.stateLost).toBe(true);
    expect(r.error).toMatchObject({ type: 'SandboxCrash', message: expect.stringMatching(/restarted; every variable from earlier steps is lost/) });
    const after = await s.execute('console.log(typeof before, add(1, 1))');
    expect(after.logs).toBe('undefined 2\n');
    expect(after.stateLost).toBeUndefined();
    expect(launched).toHaveLength(2);
  });

  it('says when the kernel ran out of memory, and restarts it', async () => {
    const s = await kernel({ limits: { timeoutMs: 20_000, memoryMb: 32 } });
    await s.execute('const small = [1, 2, 3];');
    const r = await s.execute('const hog = [];\nwhile (true) hog.push(new Array(100_000).fill(1));');
    expect(r).toMatchObject({ stateLost: true, error: { type: 'MemoryError', message: expect.stringMatching(/more memory than the sandbox allows/) } });
    expect((await s.execute('typeof small')).output).toBe('undefined');
  });

  it('says when a kernel that went away between steps was replaced', async () => {
    const { launcher, launched } = recordingLauncher();
    const s = await kernel({ launcher });
    await s.execute('const before = 1;');
    launched[0]!.kill();
    await launched[0]!.exited;
    const r = await s.execute('typeof before');
    expect(r).toMatchObject({ output: 'undefined', stateLost: true });
    expect(r.error).toBeUndefined();
  });
});

describe('the host watchdog', () => {
  // kernelDeadline: false leaves every deadline to the host, as with a runtime whose vm has no timeout.
  const watched = (extra: Partial<KernelExecutorOptions> = {}) => kernel({ kernelDeadline: false, limits: { timeoutMs: 300 }, ...extra });

  it('kills a kernel stuck in a synchronous loop, restarts it with the tools, and says the state was lost', async () => {
    const { launcher, launched } = recordingLauncher();
    const s = await watched({ launcher });
    await s.execute('const before = 1;');
    const started = performance.now();
    const r = await s.execute('while (true) {}');
    expect(r.error).toMatchObject({ type: 'TimeoutError', message: expect.stringMatching(/longer than 0.3 s/) });
    expect(r.stateLost).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
    const after = await s.execute('console.log(typeof before, add(2, 2))');
    expect(after.logs).toBe('undefined 4\n');
    expect(after.stateLost).toBeUndefined();
    expect(launched).toHaveLength(2);
  });

  it('kills a kernel whose step waits on async work that never settles', async () => {
    const s = await watched();
    const r = await s.execute('await new Promise((r) => setTimeout(r, 1e9));');
    expect(r).toMatchObject({ error: { type: 'TimeoutError' }, stateLost: true });
    expect((await s.execute('add(1, 1)')).output).toBe('2');
  });

  it('leaves the kernel its own deadline when it can keep the state (sync loops after an await too)', async () => {
    const s = await kernel({ limits: { timeoutMs: 300 } });
    await s.execute('const kept = "yes";');
    const r = await s.execute('await slow_echo("a");\nwhile (true) {}');
    expect(r.error?.type).toBe('TimeoutError');
    expect(r.stateLost).toBeUndefined();
    expect((await s.execute('kept')).output).toBe('yes');
  });

  async function abortBusyStep(s: Executor) {
    await s.execute('const kept = "yes";');
    const controller = new AbortController();
    const started = performance.now();
    const r = await s.execute('add(1, 1);\nwhile (true) {}', {
      signal: controller.signal,
      onEvent: (e: ExecutionEvent) => {
        if (e.type === 'tool_call_end') controller.abort();
      },
    });
    expect(r.error?.type).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await s.execute('add(2, 2)')).output).toBe('4');
    return { r, kept: (await s.execute('typeof kept')).output };
  }

  it('stops a busy step promptly on abort by interrupting it, keeping the session', async () => {
    const { r, kept } = await abortBusyStep(await kernel({ limits: { timeoutMs: 30_000 } }));
    expect(r.stateLost).toBeUndefined();
    expect(kept).toBe('string');
  });

  it('stops a busy step promptly on abort by killing a kernel that cannot be interrupted', async () => {
    const uninterruptible = withoutInterrupt(createNodeLauncher());
    const { r, kept } = await abortBusyStep(await kernel({ launcher: uninterruptible, limits: { timeoutMs: 30_000 } }));
    expect(r.stateLost).toBe(true);
    expect(kept).toBe('undefined');
  });
});

describe('the permission model and what the code can reach', () => {
  const PROBE = String.raw`'use strict';
const fs = require('fs');
const path = require('path');
const out = {};
function attempt(name, fn) { try { fn(); out[name] = 'allowed'; } catch (e) { out[name] = e.code || e.message; } }
attempt('writeOutside', () => fs.writeFileSync(path.join(__dirname, '..', 'agent-kernel-escape.txt'), 'x'));
attempt('writeInside', () => fs.writeFileSync(path.join(__dirname, 'inside.txt'), 'x'));
attempt('readOutside', () => fs.readFileSync(OUTSIDE));
attempt('spawn', () => require('child_process').spawnSync(process.execPath, ['-e', '1']));
attempt('worker', () => new (require('worker_threads').Worker)('1', { eval: true }));
out.env = Object.keys(process.env).sort();
console.log('PROBE ' + JSON.stringify(out));
`;

  it('lets the kernel write only its own folder, and start no child process and no worker', async () => {
    const outside = join(await mkdtemp(join(tmpdir(), 'agent-outside-')), 'secret.txt');
    await writeFile(outside, 'secret');
    const p = await createNodeLauncher({ source: PROBE.replace('OUTSIDE', JSON.stringify(outside)) }).launch({ memoryMb: 64 });
    let output = '';
    p.onOutput((chunk) => (output += chunk));
    const keepAlive = setInterval(() => {}, 1_000);
    await p.exited;
    clearInterval(keepAlive);
    const line = output.split('\n').find((l) => l.startsWith('PROBE '));
    expect(line, output).toBeDefined();
    const result = JSON.parse(line!.slice('PROBE '.length)) as Record<string, unknown>;
    expect(result).toMatchObject({
      writeOutside: 'ERR_ACCESS_DENIED',
      writeInside: 'allowed',
      readOutside: 'ERR_ACCESS_DENIED',
      spawn: 'ERR_ACCESS_DENIED',
      worker: 'ERR_ACCESS_DENIED',
    });
    expect(result.env).toEqual(['NO_COLOR', 'TERM']);
    expect(existsSync(join(p.dir, '..', 'agent-kernel-escape.txt'))).toBe(false);
    expect(existsSync(p.dir)).toBe(false); // the folder is removed when the process ends
    await rm(join(outside, '..'), { recursive: true, force: true });
  });

  it('gives neither the model nor the tools a way back to the kernel realm', async () => {
    const s = await kernel({ toolsJs: `${TOOLS.toolsJs}\nexports.realm = () => [typeof process, typeof require, ({}).constructor.constructor("return typeof process")()].join();`, toolNames: [...TOOLS.toolNames, 'realm'] });
    const probes = [
      'globalThis.constructor.constructor("return typeof process")()',
      'Object.getPrototypeOf(globalThis).constructor.constructor("return typeof process")()',
      'console.log.constructor("return typeof process")()',
      'setTimeout.constructor("return typeof process")()',
      'add.constructor("return typeof process")()',
    ];
    for (const code of probes) expect((await s.execute(code)).output, code).toBe('undefined');
    expect((await s.execute('realm()')).output).toBe('undefined,undefined,undefined');
    // import() built at run time is answered inside the session, with an error of the session's own realm.
    const viaEval = await s.execute('eval("import(\'fs\')").catch((e) => [e.name, e.constructor.constructor("return typeof process")()])');
    expect(viaEval.output).toBe("[ 'ImportError', 'undefined' ]");
    const awaited = await s.execute('await eval("import(\'node:child_process\')")');
    expect(awaited.error).toMatchObject({ type: 'ImportError', message: expect.stringMatching(/imports are not available/) });
    // Errors of host calls, timers and fetch are the session's own.
    const hostError = await s.execute('let seen;\ntry { await get_text("https://x.test/"); } catch (e) { seen = e.constructor.constructor("return typeof process")(); }\nseen');
    expect(hostError.output).toBe('undefined');
  });
});

describe('packages', () => {
  let modules: string;
  beforeAll(async () => {
    modules = join(await mkdtemp(join(tmpdir(), 'agent-modules-')), 'node_modules');
    const pkg = async (name: string, files: Record<string, string>) => {
      for (const [file, text] of Object.entries(files)) {
        await mkdir(join(modules, name, file, '..'), { recursive: true });
        await writeFile(join(modules, name, file), text);
      }
    };
    await pkg('tiny-pkg', {
      'package.json': JSON.stringify({ name: 'tiny-pkg', main: 'lib/main.js' }),
      'lib/main.js': "const { twice } = require('./helper');\nconst dep = require('dep-pkg');\nconst data = require('../data.json');\nmodule.exports = function tiny(x) { return 'tiny:' + x; };\nmodule.exports.double = (x) => twice(x);\nmodule.exports.depName = dep.name;\nmodule.exports.size = data.size;\n",
      'lib/helper.js': 'exports.twice = (x) => 2 * x;\n',
      'data.json': '{ "size": 3 }',
    });
    await pkg('dep-pkg', { 'package.json': JSON.stringify({ name: 'dep-pkg', exports: { '.': { require: './cjs.js', import: './esm.mjs' } } }), 'cjs.js': "exports.name = 'dep';\n" });
    await pkg('other-pkg', { 'package.json': JSON.stringify({ name: 'other-pkg' }), 'index.js': 'module.exports = 1;\n' });
    await pkg('esm-pkg', { 'package.json': JSON.stringify({ name: 'esm-pkg', type: 'module', main: 'index.js' }), 'index.js': 'export default 1;\n' });
    await pkg('needs-fs', { 'package.json': JSON.stringify({ name: 'needs-fs' }), 'index.js': "module.exports = require('fs');\n" });
  });
  afterAll(async () => {
    await rm(join(modules, '..'), { recursive: true, force: true });
  });

  async function withPackages() {
    const s = createNodeExecutor({ ...TOOLS, limits: { timeoutMs: 5_000 }, packages: ['tiny-pkg', 'esm-pkg', 'needs-fs', 'absent-pkg'], modulesDir: modules });
    open.push(s);
    await s.start();
    return s;
  }

  it('imports and requires an allowed package (CommonJS, with its files and dependencies) in every form', async () => {
    const s = await withPackages();
    const r = await s.execute(
      "import tiny, { double } from 'tiny-pkg';\nimport * as ns from 'tiny-pkg';\nconst viaRequire = require('tiny-pkg');\nconst dyn = await import('tiny-pkg');\n" +
        '[tiny("a"), double(21), ns.default === tiny, viaRequire === tiny, dyn.default === tiny, tiny.depName, tiny.size].join()',
    );
    expect(r.error).toBeUndefined();
    expect(r.output).toBe('tiny:a,42,true,true,true,dep,3');
    expect((await s.execute('tiny("kept")')).output).toBe('tiny:kept');
    // Loaded inside the session: its functions lead back to the session's realm only.
    expect((await s.execute('tiny.constructor("return typeof process")()')).output).toBe('undefined');
    expect((await s.execute("import tiny from 'tiny-pkg';\n\nthrow new Error('here')")).error).toMatchObject({ line: 3 });
  });

  it('refuses everything else with a clear error naming the allowed packages', async () => {
    const s = await withPackages();
    const allowed = /the packages you may import are: tiny-pkg, esm-pkg, needs-fs, absent-pkg/;
    expect((await s.execute("import other from 'other-pkg';")).error).toMatchObject({ type: 'ImportError', message: expect.stringMatching(allowed), line: 1 });
    expect((await s.execute("await import('other-pkg')")).error).toMatchObject({ type: 'ImportError', message: expect.stringMatching(/'other-pkg' is not available/) });
    expect((await s.execute("require('fs')")).error).toMatchObject({ type: 'ImportError', message: expect.stringMatching(/built-in module 'fs' is not available/) });
    expect((await s.execute("require('node:child_process')")).error?.message).toMatch(allowed);
    expect((await s.execute("require('./tiny-pkg/lib/helper.js')")).error?.message).toMatch(/only packages can be imported/);
    expect((await s.execute("require('esm-pkg')")).error?.message).toMatch(/ES module; the sandbox loads CommonJS packages only/);
    expect((await s.execute("require('needs-fs')")).error?.message).toMatch(/needs Node's built-in module 'fs'/);
    expect((await s.execute("require('absent-pkg')")).error?.message).toMatch(/allowed but not installed/);
    expect((await s.execute("require('tiny-pkg/../../../etc/passwd')")).error?.message).toMatch(/no entry point|cannot find|only load files inside/);
  });

  it('gives no require at all when no package is allowed', async () => {
    const s = await kernel();
    expect((await s.execute('typeof require')).output).toBe('undefined');
    expect((await s.execute("import x from 'tiny-pkg';")).error).toMatchObject({ type: 'ImportError' });
  });

  it('reads the packages folder only because the launcher allows it', async () => {
    expect(await readFile(join(modules, 'tiny-pkg', 'package.json'), 'utf8')).toContain('tiny-pkg');
    const s = createKernelExecutor({ ...TOOLS, packages: ['tiny-pkg'], launcher: createNodeLauncher(), limits: { timeoutMs: 5_000 } });
    open.push(s);
    // Without modulesDir the kernel looks beside itself and finds nothing.
    expect((await s.execute("require('tiny-pkg')")).error?.message).toMatch(/allowed but not installed/);
  });
});

describe('messages over a terminal-like input', () => {
  it('sends long messages as files, in order with short ones', async () => {
    const written: string[] = [];
    const files = new Map<string, string>();
    const process: KernelProcess = {
      write: (text) => void written.push(text),
      onOutput: () => () => {},
      putFile: async (name, contents) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        files.set(`/tmp/${name}`, contents);
        return `/tmp/${name}`;
      },
      exited: new Promise(() => {}),
      kill: () => {},
    };
    const channel = new KernelChannel(process, newKernelToken(), () => {});
    const big = 'x'.repeat(INLINE_LINE_CHARS * 3);
    channel.send({ t: 'abort', id: 1 });
    channel.send({ t: 'exec', id: 2, code: big });
    channel.send({ t: 'abort', id: 3 });
    await vi.waitFor(() => expect(written).toHaveLength(3));
    expect(JSON.parse(written[0]!)).toEqual({ t: 'abort', id: 1 });
    const file = JSON.parse(written[1]!) as { t: string; path: string };
    expect(file.t).toBe('file');
    expect(JSON.parse(files.get(file.path)!)).toEqual({ t: 'exec', id: 2, code: big });
    expect(JSON.parse(written[2]!)).toEqual({ t: 'abort', id: 3 });
    expect(written.every((line) => line.length <= INLINE_LINE_CHARS)).toBe(true);
  });
});
