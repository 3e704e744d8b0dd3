import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { calibratedStackBytes, hostStackFrames, RELEASE_BYTES_PER_HOST_FRAME } from './calibrate-stack';

describe('the QuickJS stack limit', () => {
  it('follows the host stack: half the host frames, half the limit, never above the budget', () => {
    expect(calibratedStackBytes(256 * 1024, 17, 6_000)).toBe(102_000);
    expect(calibratedStackBytes(256 * 1024, 17, 3_000)).toBe(51_000);
    expect(calibratedStackBytes(64 * 1024, 17, 12_000)).toBe(64 * 1024);
  });

  it('measures this thread once, the same every time', () => {
    const frames = hostStackFrames();
    expect(frames).toBeGreaterThan(1_000);
    expect(hostStackFrames()).toBe(frames);
    expect(calibratedStackBytes(Number.MAX_SAFE_INTEGER)).toBe(Math.floor(frames * RELEASE_BYTES_PER_HOST_FRAME));
  });

  // A browser worker's stack is about half of Node's main thread; a Node worker with a 0.5 MiB stack stands in for it.
  it('keeps deep recursion catchable in a thread with a small stack, as in a browser worker', async () => {
    const executor = fileURLToPath(new URL('./quickjs-executor.ts', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'qjs-stack-'));
    const script = join(dir, 'small-stack.mjs');
    writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
const { createQuickJSExecutor } = await import(${JSON.stringify(executor)});
const s = createQuickJSExecutor({ toolsJs: '', toolNames: [], limits: { timeoutMs: 20000 } });
await s.start();
await s.execute('let kept = 42;');
const results = [];
for (const source of [
  'function down(n) { return n ? down(n - 1) + 1 : 0; }',
  'function down(n) { return n ? Number(\`\${{ toString: () => down(n - 1) }}\`) + 1 : 0; }',
  'function down(n) { return n ? [n - 1].map(down)[0] + 1 : 0; }',
]) {
  const r = await s.execute(source + '\\nlet caught = "no error";\\ntry { down(100000); } catch (e) { caught = e instanceof RangeError; }\\nconsole.log(caught, kept, down(50));');
  results.push({ logs: r.logs, lost: r.stateLost ?? false, error: r.error ?? null });
}
s.dispose();
parentPort.postMessage(results);
`,
    );
    try {
      const worker = new Worker(script, { resourceLimits: { stackSizeMb: 0.5 }, execArgv: ['--import', 'tsx'] });
      const results = await new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      await worker.terminate();
      expect(results).toEqual(Array.from({ length: 3 }, () => ({ logs: 'true 42 50\n', lost: false, error: null })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
