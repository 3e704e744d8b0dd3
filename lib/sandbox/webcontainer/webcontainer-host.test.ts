import { describe, expect, it, vi } from 'vitest';
import { createStandInContainer, type StandInContainer, type StandInProgram } from './stand-in-webcontainer';
import { packageName } from '../../playground/package-name';
import { createWebContainerHost, explainInstallFailure, type WebContainerHostOptions } from './webcontainer-host';
import type { WebContainerStatus } from './webcontainer-status';

const KERNEL = '// the kernel program\n';

function hostWith(container: StandInContainer | ((attempt: number) => Promise<StandInContainer>), overrides: Partial<WebContainerHostOptions> = {}) {
  const boot = vi.fn(typeof container === 'function' ? container : async () => container);
  const host = createWebContainerHost({ boot, kernel: () => ({ source: KERNEL, nodeFlags: ['--experimental-vm-modules'] }), isCrossOriginIsolated: () => true, timeoutMs: 1_000, ...overrides });
  const statuses: WebContainerStatus[] = [];
  host.subscribe((s) => statuses.push(s));
  return { host, boot, statuses };
}

/** An npm that prints what a real one prints behind a terminal, then exits with `code`. */
function npm(code: number, output: string[]): StandInProgram {
  return {
    start(proc) {
      setTimeout(() => {
        for (const chunk of output) proc.print(chunk);
        proc.end(code);
      }, 5);
    },
  };
}

describe('booting the WebContainer', () => {
  it('boots once even when asked twice at the same time, and mounts the kernel', async () => {
    const container = createStandInContainer({});
    let release!: () => void;
    const { host, boot, statuses } = hostWith(() => new Promise((resolve) => (release = () => resolve(container))));
    const first = host.ensureReady([]);
    const second = host.boot();
    await Promise.resolve();
    release();
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: true });
    expect(await host.ensureReady([])).toEqual({ ok: true });
    expect(boot).toHaveBeenCalledTimes(1);
    expect(container.files.get('kernel.cjs')).toBe(KERNEL);
    expect(JSON.parse(container.files.get('package.json')!)).toMatchObject({ private: true });
    expect(statuses.map((s) => s.state)).toEqual(['checking-isolation', 'booting', 'ready']);
  });

  it('gives up after the timeout when the boot never settles, until asked to boot again', async () => {
    const { host, boot } = hostWith(() => new Promise<never>(() => {}), { timeoutMs: 40 });
    const started = Date.now();
    const outcome = await host.ensureReady(['lodash']);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(outcome.ok).toBe(false);
    expect(host.status).toMatchObject({ state: 'unavailable', scope: 'boot' });
    const reason = (host.status as { reason: string }).reason;
    expect(reason).toMatch(/^WebContainer's runtime is served by StackBlitz, and it could not be reached within 40 ms/);
    expect(reason).toMatch(/offline|blocked/);
    // Asking again (a run, a launch) does not boot again: the answer stays until the person retries.
    expect(await host.boot()).toEqual({ ok: false, reason, scope: 'boot' });
    expect(await host.ensureReady([])).toEqual({ ok: false, reason, scope: 'boot' });
    await expect(host.launch({ memoryMb: 64 })).rejects.toThrow(/unavailable: WebContainer's runtime is served by StackBlitz/);
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it('boots again on retry, with the same countdown, and comes up when the second attempt answers', async () => {
    const container = createStandInContainer({});
    const { host, boot, statuses } = hostWith((attempt: number) => (attempt === 1 ? new Promise<never>(() => {}) : Promise.resolve(container)), { timeoutMs: 40 });
    expect(await host.boot()).toMatchObject({ ok: false, scope: 'boot' });
    const before = Date.now();
    expect(await host.retry()).toEqual({ ok: true });
    expect(boot.mock.calls).toEqual([[1], [2]]);
    expect(statuses.map((s) => s.state)).toEqual(['checking-isolation', 'booting', 'unavailable', 'checking-isolation', 'booting', 'ready']);
    const second = statuses.filter((s) => s.state === 'booting')[1]!;
    expect(second).toMatchObject({ timeoutMs: 40 });
    expect((second as { startedAt: number }).startedAt).toBeGreaterThanOrEqual(before);
    // Ready: a retry now is just the answer of that boot.
    expect(await host.retry()).toEqual({ ok: true });
    expect(boot).toHaveBeenCalledTimes(2);
    await expect(host.ensureReady([])).resolves.toEqual({ ok: true });
  });

  it('a retry that fails again says so again', async () => {
    const { host, boot } = hostWith(() => new Promise<never>(() => {}), { timeoutMs: 20 });
    await host.boot();
    expect(await host.retry()).toMatchObject({ ok: false, scope: 'boot', reason: expect.stringMatching(/could not be reached within 20 ms/) });
    expect(boot).toHaveBeenCalledTimes(2);
    expect(host.status).toMatchObject({ state: 'unavailable', scope: 'boot' });
  });

  it('reads the timeout when the boot starts', async () => {
    let timeout = 5_000;
    const { host } = hostWith(() => new Promise<never>(() => {}), { timeoutMs: () => timeout });
    timeout = 20;
    expect(await host.boot()).toMatchObject({ ok: false, reason: expect.stringMatching(/within 20 ms/) });
  });

  it('is unavailable without booting when the page is not cross-origin isolated', async () => {
    const { host, boot, statuses } = hostWith(createStandInContainer({}), { isCrossOriginIsolated: () => false });
    const outcome = await host.ensureReady([]);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/not cross-origin isolated.*Cross-Origin-Embedder-Policy/) });
    expect(boot).not.toHaveBeenCalled();
    expect(statuses.map((s) => s.state)).toEqual(['checking-isolation', 'unavailable']);
  });

  it('says why when the boot fails', async () => {
    const { host } = hostWith(() => Promise.reject(new Error('Only a single WebContainer instance can be booted')));
    expect(await host.boot()).toEqual({ ok: false, scope: 'boot', reason: "WebContainer's runtime (served by StackBlitz) failed to start: Only a single WebContainer instance can be booted." });
  });
});

describe('installing packages', () => {
  it('runs npm install with the missing packages, showing its progress, once', async () => {
    const container = createStandInContainer({
      npm: npm(0, [
        '\x1b[?25l\x1b[1G\x1b[0K⠙',
        '\x1b[1G\x1b[0K⠹ idealTree: timing idealTree:#root Completed in 80ms',
        '\r\n\x1b[1G\x1b[0Kadded 2 packages in 1s\r\n\x1b[?25h',
      ]),
    });
    const { host, statuses } = hostWith(container);
    expect(await host.ensureReady(['lodash', ' date-fns@4.1.0', 'lodash'])).toEqual({ ok: true });
    const [proc] = container.processes;
    expect(proc!.command).toBe('npm');
    expect(proc!.args).toEqual(['install', '--no-audit', '--no-fund', 'lodash', 'date-fns@4.1.0']);
    expect(proc!.options?.env).toMatchObject({ NO_COLOR: '1', TERM: 'dumb' });
    const installing = statuses.filter((s) => s.state === 'installing');
    expect(installing[0]).toEqual({ state: 'installing', packages: ['lodash', 'date-fns@4.1.0'], done: 0, total: 2 });
    expect(installing.map((s) => s.line)).toContain('added 2 packages in 1s');
    expect(installing.map((s) => s.line)).toContain('idealTree: timing idealTree:#root Completed in 80ms');
    expect(installing.every((s) => !s.line || !/[⠙⠹]/.test(s.line) && !s.line.includes('\x1b'))).toBe(true);
    expect(host.status).toEqual({ state: 'ready', packages: ['lodash', 'date-fns@4.1.0'] });

    // Already there: nothing to install. A new one: only it.
    expect(await host.ensureReady(['lodash'])).toEqual({ ok: true });
    expect(container.processes).toHaveLength(1);
    expect(host.status).toEqual({ state: 'ready', packages: ['lodash'] });
  });

  it('counts the packages npm reports on', async () => {
    const container = createStandInContainer({ npm: npm(0, ['+ lodash@4.17.21\r\n', '+ date-fns@4.1.0\r\n']) });
    const { host, statuses } = hostWith(container);
    await host.ensureReady(['lodash', 'date-fns@4.1.0']);
    expect(statuses.filter((s) => s.state === 'installing').map((s) => s.done)).toEqual([0, 1, 2]);
  });

  it('installs one request at a time, the second only what is still missing', async () => {
    const container = createStandInContainer({ npm: npm(0, ['added 1 package\r\n']) });
    const { host } = hostWith(container);
    const [a, b] = await Promise.all([host.ensureReady(['lodash']), host.ensureReady(['lodash', 'ms'])]);
    expect(a.ok && b.ok).toBe(true);
    expect(container.processes.map((p) => p.args.slice(3))).toEqual([['lodash'], ['ms']]);
  });

  it('reports a failed install clearly, and recovers when the list is fixed', async () => {
    const container = createStandInContainer({
      npm: npm(1, [
        '\x1b[31mnpm error\x1b[39m code E404\r\n',
        'npm error 404 Not Found - GET https://registry.npmjs.org/lodahs - Not found\r\n',
        'npm error 404\r\n',
        "npm error 404  'lodahs@*' is not in this registry.\r\n",
      ]),
    });
    const { host } = hostWith(container);
    const outcome = await host.ensureReady(['lodahs']);
    expect(outcome.ok).toBe(false);
    const reason = (outcome as { reason: string }).reason;
    expect(reason).toMatch(/^npm install lodahs failed \(exit code 1\): 404 Not Found - GET https:\/\/registry.npmjs.org\/lodahs/);
    expect(host.status).toEqual({ state: 'unavailable', reason, scope: 'packages' });
    expect(await host.ensureReady([])).toEqual({ ok: true });
    expect(host.status).toEqual({ state: 'ready', packages: [] });
  });

  it('stops an install that takes too long', async () => {
    const container = createStandInContainer({ npm: { start: (p) => p.print('⠙ reify: timing\r') } });
    const { host } = hostWith(container, { installTimeoutMs: 30 });
    expect(await host.ensureReady(['lodash'])).toMatchObject({ ok: false, reason: 'npm install lodash did not finish within 30 ms.' });
    expect(container.processes[0]!.killed).toBe(true);
  });

  it('names packages and summarizes npm errors', () => {
    expect(packageName('lodash')).toBe('lodash');
    expect(packageName('date-fns@4.1.0')).toBe('date-fns');
    expect(packageName('@scope/pkg@^1.2')).toBe('@scope/pkg');
    expect(explainInstallFailure(['npm error code ENETUNREACH', 'npm error network request failed'])).toBe(':\ncode ENETUNREACH\nnetwork request failed');
    expect(explainInstallFailure([])).toBe('.');
  });
});

describe('kernel processes', () => {
  it('spawns node kernel.cjs quietly, cleans its output, and writes files where the kernel can read them', async () => {
    const container = createStandInContainer({
      node: {
        start: (p) => p.print('\x1b]0;node\x07\x1b[1mhello\x1b[22m\r\n'),
      },
    });
    const { host } = hostWith(container);
    const proc = await host.launch({ memoryMb: 96 });
    const out: string[] = [];
    proc.onOutput((c) => out.push(c));
    expect(container.processes[0]!.args).toEqual(['--experimental-vm-modules', 'kernel.cjs']);
    expect(container.processes[0]!.options?.env).toMatchObject({ NO_COLOR: '1', TERM: 'dumb', KERNEL_MEMORY_MB: '96' });
    proc.write('{"id":1}\n');
    await vi.waitFor(() => expect(out.join('')).toBe('hello\n{"id":1}\n'));
    expect(container.processes[0]!.written).toEqual(['{"id":1}\n']);

    const path = await proc.putFile('tools.js', 'export {}');
    expect(path).toBe('/home/playground/kernel-files/1/tools.js');
    expect(container.files.get('kernel-files/1/tools.js')).toBe('export {}');
    expect(await proc.putFile('../../etc/passwd', 'x')).toBe('/home/playground/kernel-files/1/__.._etc_passwd');

    proc.kill();
    expect(await proc.exited).toBeNull();
    // Its files go with it.
    await vi.waitFor(() => expect([...container.files.keys()].some((k) => k.startsWith('kernel-files/1/'))).toBe(false));
  });

  it('passes the exit code of a kernel that ends by itself', async () => {
    const container = createStandInContainer({ node: { start: (p) => p.end(3) } });
    const { host } = hostWith(container);
    const proc = await host.launch({ memoryMb: 64 });
    expect(await proc.exited).toBe(3);
  });
});
