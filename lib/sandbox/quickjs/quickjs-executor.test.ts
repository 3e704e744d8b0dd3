import { describe, expect, it } from 'vitest';
import debugSync from '@jitl/quickjs-wasmfile-debug-sync';
import { compileTools } from '../../tools/compile-tools';
import { CONTRACT_TOOLS, describeExecutorContract } from '../executor-contract';
import { createQuickJSExecutor } from './quickjs-executor';

describeExecutorContract('QuickJS', createQuickJSExecutor);

describe('QuickJS-only limits', () => {
  const compiled = compileTools(CONTRACT_TOOLS);
  const make = (limits = {}) =>
    createQuickJSExecutor({ toolsJs: compiled.js, toolNames: compiled.tools.map((t) => t.name), functionNames: compiled.functionNames, limits: { timeoutMs: 2_000, ...limits } });

  it('stops a memory bomb with a readable error and keeps the session usable', async () => {
    const s = make({ memoryMb: 16 });
    await s.start();
    await s.execute('const small = [1, 2, 3];');
    // One huge allocation, and memory held by a doubling array: both end in a MemoryError.
    const huge = await s.execute('const big = "x".repeat(1 << 26);');
    expect(huge.error).toMatchObject({ type: 'MemoryError', message: expect.stringMatching(/more memory than the sandbox allows/) });
    const held = await s.execute('let hog = [1];\nwhile (true) hog = hog.concat(hog);');
    expect(held.error).toMatchObject({ type: 'MemoryError' });
    expect((await s.execute('hog = null;\nsmall.length')).output).toBe('3');
    s.dispose();
  });

  it('turns runaway recursion into a short stack overflow error', async () => {
    const s = make();
    await s.start();
    const r = await s.execute('function down(n) { return down(n + 1) + 1; }\ndown(0);');
    expect(r.error).toMatchObject({ type: 'RangeError', message: expect.stringMatching(/stack overflow/) });
    expect(r.error!.message.length).toBeLessThan(300);
    s.dispose();
  });

  it('restarts a crashed interpreter with the tools loaded, and says the state was lost', async () => {
    const s = make();
    await s.start();
    await s.execute('const before = 1;');
    s.breakForTests();
    const crashed = await s.execute('before');
    expect(crashed.stateLost).toBe(true);
    expect(crashed.error).toMatchObject({ type: 'SandboxCrash', message: expect.stringMatching(/restarted; every variable from earlier steps is lost/) });
    const after = await s.execute('console.log(typeof before, add(1, 1))');
    expect(after.logs).toBe('undefined 2\n');
    expect(after.stateLost).toBeUndefined();
    s.dispose();
  });
});

// The debug build of QuickJS aborts when a handle is leaked, so running the whole contract on it proves
// every path disposes what it creates.
describeExecutorContract('QuickJS (debug build, leak check)', (options) => createQuickJSExecutor({ ...options, variant: debugSync }), {
  deepRecursion: false,
});
