import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KernelPort, KernelReply, KernelRequest } from './kernel-messages';
import { serveKernelRequests } from './serve-kernel-requests';
import { createStandInContainer, type StandInProcess } from './stand-in-webcontainer';
import { createWebContainerHost } from './webcontainer-host';
import { createWebContainerLauncher } from './webcontainer-launcher';

const PREFIX = '\u241eK ';

/**
 * A stand-in kernel: prints a coloured banner and a window title, then answers each input line with one framed JSON
 * line, its colour codes cut across two output chunks.
 */
function kernelProgram() {
  let pending = '';
  return {
    start(proc: StandInProcess) {
      proc.print('\x1b]0;node kernel.cjs\x07\x1b[1mkernel starting\x1b[22m\r\n');
      proc.print(`${PREFIX}{"type":"ready"}\r\n`);
    },
    input(proc: StandInProcess, text: string) {
      pending += text;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const answer = `\x1b[32m${PREFIX}${JSON.stringify({ type: 'echo', line })}\x1b[39m\r\n`;
        const cut = answer.indexOf('[32m'); // between the ESC and the rest of its sequence
        proc.print(answer.slice(0, cut));
        proc.print(answer.slice(cut));
      }
    },
  };
}

const open: (() => void)[] = [];
afterEach(() => open.splice(0).forEach((close) => close()));

function connect(bootOk = true) {
  const container = createStandInContainer({ node: kernelProgram() });
  const host = createWebContainerHost({
    boot: () => (bootOk ? Promise.resolve(container) : new Promise<never>(() => {})),
    kernel: () => ({ source: '// kernel' }),
    isCrossOriginIsolated: () => true,
    timeoutMs: 30,
  });
  const { port1, port2 } = new MessageChannel();
  const page = serveKernelRequests(port1 as unknown as KernelPort<unknown, KernelReply>, () => host);
  const launcher = createWebContainerLauncher(port2 as unknown as KernelPort<unknown, KernelRequest>);
  port1.start();
  port2.start();
  open.push(() => {
    page.close();
    port1.close();
    port2.close();
  });
  return { container, host, page, launcher };
}

/** The framed lines in the output, parsed; everything else (echo, banner) dropped, as the kernel executor does. */
function framed(output: string): unknown[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(PREFIX))
    .map((line) => JSON.parse(line.slice(PREFIX.length)));
}

describe('the WebContainer launcher (worker side) over a MessageChannel', () => {
  it('launches, writes, reads output, puts files and kills a kernel in the page', async () => {
    const { launcher, container } = connect();
    expect(launcher.kind).toBe('webcontainer');
    const proc = await launcher.launch({ memoryMb: 128 });
    let output = '';
    proc.onOutput((chunk) => (output += chunk));
    proc.write('{"id":1,"op":"run"}\n');
    proc.write('{"id":2,"op":"run"}\n');
    await vi.waitFor(() => expect(framed(output)).toHaveLength(3));
    expect(framed(output)).toEqual([
      { type: 'ready' },
      { type: 'echo', line: '{"id":1,"op":"run"}' },
      { type: 'echo', line: '{"id":2,"op":"run"}' },
    ]);
    // Colour codes, the window title and \r are gone; the terminal's echo is there, as plain lines.
    for (const code of ['\x1b', '\x07', '\r']) expect(output).not.toContain(code);
    expect(output).toContain('kernel starting\n');
    expect(output).toContain('{"id":1,"op":"run"}\n');

    const node = container.processes.find((p) => p.command === 'node')!;
    expect(node.args).toEqual(['kernel.cjs']);
    expect(node.options?.env).toMatchObject({ NO_COLOR: '1', TERM: 'dumb', KERNEL_MEMORY_MB: '128' });

    const path = await proc.putFile!('snippet-1.js', 'console.log(1)');
    expect(path).toMatch(/^\/home\/playground\/kernel-files\/\d+\/snippet-1\.js$/);
    expect([...container.files.values()]).toContain('console.log(1)');

    proc.kill();
    expect(await proc.exited).toBeNull();
    await vi.waitFor(() => expect(node.killed).toBe(true));
  });

  it('passes the exit code when the kernel ends by itself', async () => {
    const { launcher, container } = connect();
    const proc = await launcher.launch({ memoryMb: 64 });
    container.processes[0]!.end(7);
    expect(await proc.exited).toBe(7);
    await expect(proc.putFile!('late.js', 'x')).rejects.toThrow(/ended/);
  });

  it('rejects the launch with the reason when the container is unavailable', async () => {
    const { launcher } = connect(false);
    await expect(launcher.launch({ memoryMb: 64 })).rejects.toThrow(/unavailable: WebContainer's runtime is served by StackBlitz, and it could not be reached within 30 ms/);
  });

  it('kills every process of a worker that goes away', async () => {
    const { launcher, container, page } = connect();
    await launcher.launch({ memoryMb: 64 });
    await launcher.launch({ memoryMb: 64 });
    expect(container.processes).toHaveLength(2);
    page.close();
    expect(container.processes.every((p) => p.killed)).toBe(true);
  });

  it('keeps processes of different launches apart', async () => {
    const { launcher } = connect();
    const [a, b] = await Promise.all([launcher.launch({ memoryMb: 64 }), launcher.launch({ memoryMb: 64 })]);
    let outA = '';
    let outB = '';
    a.onOutput((c) => (outA += c));
    b.onOutput((c) => (outB += c));
    a.write('to-a\n');
    b.write('to-b\n');
    await vi.waitFor(() => expect(framed(outA)).toHaveLength(2));
    await vi.waitFor(() => expect(framed(outB)).toHaveLength(2));
    expect(framed(outA)[1]).toEqual({ type: 'echo', line: 'to-a' });
    expect(framed(outB)[1]).toEqual({ type: 'echo', line: 'to-b' });
  });
});
