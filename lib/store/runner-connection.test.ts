import { afterEach, describe, expect, it, vi } from 'vitest';

// The UI store persists the open tab: give it a storage before it is created.
vi.hoisted(() => {
  const data = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) },
  });
});

import type { FromRunner, ToRunner } from '../runner/runner-protocol';
import { setPageWebContainerHost } from '../sandbox/webcontainer/page-webcontainer';
import { createStandInContainer } from '../sandbox/webcontainer/stand-in-webcontainer';
import { createWebContainerHost, type ContainerLike } from '../sandbox/webcontainer/webcontainer-host';
import { js, playground } from '../test-support/playgrounds';
import { getRunner, setRunnerEndpointFactory } from './runner-connection';
import { useRunStore } from './run-store';
import { useSandboxStatusStore } from './sandbox-status-store';
import { useUiStore } from './ui-store';

/** A runner that records what the page sends it and never answers. */
function recordingEndpoint() {
  const sent: ToRunner[] = [];
  const listeners: ((event: { data: FromRunner }) => void)[] = [];
  setRunnerEndpointFactory(() => ({
    port: { postMessage: (m: ToRunner) => void sent.push(m), addEventListener: (_: 'message', l: (event: { data: FromRunner }) => void) => void listeners.push(l) },
    terminate: () => {},
  }));
  return { sent, emit: (data: FromRunner) => listeners.forEach((l) => l({ data })) };
}

function useHost(boot: () => Promise<ContainerLike>, timeoutMs = 30) {
  setPageWebContainerHost(createWebContainerHost({ boot, kernel: () => ({ source: '// kernel' }), isCrossOriginIsolated: () => true, timeoutMs }));
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const webContainerPlayground = (packages: string[] = []) =>
  playground({ responses: [js('final_answer(1)')], sandbox: { kind: 'webcontainer', packages } });

afterEach(() => setPageWebContainerHost(undefined));

describe('starting a run on the WebContainer sandbox', () => {
  it('does not start the run when the container is unavailable, says why, and leaves the open tab alone', async () => {
    const { sent } = recordingEndpoint();
    useHost(() => new Promise<never>(() => {}));
    useUiStore.getState().setTab('task');
    useRunStore.getState().start(webContainerPlayground());
    expect(useRunStore.getState().phase).toBe('running');
    await until(() => useRunStore.getState().phase === 'idle');
    expect(useRunStore.getState().startError).toMatch(
      /^the WebContainer sandbox is unavailable: WebContainer's runtime is served by StackBlitz, and it could not be reached within 30 ms .* Retry, or run on QuickJS\.$/,
    );
    expect(sent.filter((m) => m.type === 'start')).toEqual([]);
    expect(useSandboxStatusStore.getState().webContainer).toMatchObject({ state: 'unavailable', scope: 'boot' });
    expect(useUiStore.getState().tab).toBe('task');
  });

  it('after Retry boots the container, the run starts', async () => {
    const { sent } = recordingEndpoint();
    let attempt = 0;
    useHost(() => (++attempt === 1 ? new Promise<never>(() => {}) : Promise.resolve(createStandInContainer({}))));
    useRunStore.getState().start(webContainerPlayground());
    await until(() => useRunStore.getState().phase === 'idle');
    expect(useRunStore.getState().startError).toMatch(/unavailable/);
    const retried = useSandboxStatusStore.getState().retry();
    expect(useSandboxStatusStore.getState().webContainer.state).toBe('booting');
    useRunStore.getState().start(webContainerPlayground());
    expect(await retried).toEqual({ ok: true });
    await until(() => sent.some((m) => m.type === 'start'));
    expect(attempt).toBe(2);
    expect(useRunStore.getState().startError).toBeUndefined();
  });

  it('installs the packages first, then starts the run', async () => {
    const { sent } = recordingEndpoint();
    const container = createStandInContainer({ npm: { start: (p) => setTimeout(() => p.end(0), 5) } });
    useHost(async () => container);
    const states: string[] = [];
    const unsubscribe = useSandboxStatusStore.subscribe((s) => states.push(s.webContainer.state));
    getRunner('run').start('r1', webContainerPlayground(['lodash']), { onEvents: () => {}, onManualTurn: () => {}, onDone: () => {} });
    await until(() => sent.some((m) => m.type === 'start'));
    unsubscribe();
    expect(container.processes[0]!.args).toEqual(['install', '--no-audit', '--no-fund', 'lodash']);
    expect(states).toEqual(expect.arrayContaining(['booting', 'ready', 'installing']));
    expect(states.at(-1)).toBe('ready');
  });

  it('says which packages failed to install', async () => {
    recordingEndpoint();
    useHost(async () => createStandInContainer({ npm: { start: (p) => (p.print('npm error 404 Not Found - GET https://registry.npmjs.org/nope\r\n'), p.end(1)) } }));
    let error: string | undefined;
    getRunner('run').start('r2', webContainerPlayground(['nope']), { onEvents: () => {}, onManualTurn: () => {}, onDone: (e) => (error = e) });
    await until(() => error !== undefined);
    expect(error).toBe('the packages could not be installed in the WebContainer: npm install nope failed (exit code 1): 404 Not Found - GET https://registry.npmjs.org/nope');
  });

  it('ends a run stopped while the container boots, without starting it', async () => {
    const { sent } = recordingEndpoint();
    let release!: (c: ContainerLike) => void;
    useHost(() => new Promise((resolve) => (release = resolve)), 5_000);
    let done = 0;
    const runner = getRunner('run');
    runner.start('r3', webContainerPlayground(), { onEvents: () => {}, onManualTurn: () => {}, onDone: () => done++ });
    await until(() => release !== undefined);
    runner.abort('r3');
    expect(done).toBe(1);
    release(createStandInContainer({}));
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.filter((m) => m.type === 'start' || m.type === 'abort')).toEqual([]);
    expect(done).toBe(1);
  });

  it('leaves QuickJS runs alone', () => {
    const { sent } = recordingEndpoint();
    useHost(() => Promise.reject(new Error('must not boot')));
    getRunner('run').start('r4', playground({ responses: [js('final_answer(1)')] }), { onEvents: () => {}, onManualTurn: () => {}, onDone: () => {} });
    expect(sent.map((m) => m.type)).toEqual(['start']);
  });
});
