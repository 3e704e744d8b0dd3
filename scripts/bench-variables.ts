// The cost of the variables snapshot after each code step, in QuickJS and the Node kernel. Run alone:
// `npx tsx scripts/bench-variables.ts`; `npm run bench` prints it with the rest.
import { pathToFileURL } from 'node:url';
import { createQuickJSExecutor, type Executor, type ExecutorOptions } from '../lib/sandbox';
import { createNodeExecutor } from '../lib/sandbox/node';

const ROUNDS = 7;
const WARM_UP_ROUNDS = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * What the variables snapshot after every code step costs: the same step in a session holding 100 names of every kind
 * (and a 1 MB string), with the snapshot on and off; the difference per step. Goal: under 1 ms per step in QuickJS.
 */
export async function variablesFigures() {
  const SETUP = [
    ...Array.from({ length: 30 }, (_, i) => `let n${i} = ${i};`),
    ...Array.from({ length: 20 }, (_, i) => `const s${i} = "text ${i} ".repeat(${i + 1});`),
    ...Array.from({ length: 20 }, (_, i) => `const o${i} = { id: ${i}, tags: ["a", "b"], nested: { deep: { deeper: ${i} } } };`),
    ...Array.from({ length: 10 }, (_, i) => `const a${i} = Array.from({ length: 1000 }, (_, j) => j * ${i});`),
    ...Array.from({ length: 10 }, (_, i) => `const m${i} = new Map([["k", ${i}]]);`),
    ...Array.from({ length: 9 }, (_, i) => `function f${i}(x) { return x + ${i}; }`),
    'const big = "x".repeat(1024 * 1024);',
  ].join('\n');
  const STEP = 'n0 = n0 + 1;';
  const STEPS = 200;
  const makers: [string, (o: ExecutorOptions) => Executor][] = [
    ['QuickJS', createQuickJSExecutor],
    ['Node kernel', createNodeExecutor],
  ];
  const lines: string[] = [];
  for (const [label, make] of makers) {
    // Both sessions stay open and their rounds alternate, so warming up (the host's JIT, the wasm tiers) and any
    // slower spell of the machine weigh on both alike: running all of one and then all of the other made the second
    // look about 100 µs a step cheaper than the first on a warm-up alone.
    const sessions = {} as Record<'on' | 'off', Executor>;
    for (const mode of ['on', 'off'] as const) {
      const executor = make({ toolsJs: '', toolNames: [], limits: { timeoutMs: 120_000 }, reportVariables: mode === 'on' });
      await executor.start();
      const setup = await executor.execute(SETUP);
      if (setup.error) throw new Error(`${label}: ${setup.error.message}`);
      if (mode === 'on' && setup.variables?.total !== 100) throw new Error(`${label}: the session holds ${setup.variables?.total} names, not 100`);
      sessions[mode] = executor;
    }
    const perStep: Record<'on' | 'off', number[]> = { on: [], off: [] };
    for (let round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
      for (const mode of ['on', 'off'] as const) {
        const started = performance.now();
        for (let i = 0; i < STEPS; i++) await sessions[mode].execute(STEP);
        if (round >= 0) perStep[mode].push((performance.now() - started) / STEPS);
      }
    }
    sessions.on.dispose();
    sessions.off.dispose();
    const on = median(perStep.on);
    const off = median(perStep.off);
    lines.push(`${label} ${(Math.max(0, on - off) * 1000).toFixed(0)} µs/step (step ${(on * 1000).toFixed(0)} µs with, ${(off * 1000).toFixed(0)} µs without)`);
  }
  console.log(`Variables snapshot per code step (100 names of every kind and a 1 MB string; median of ${ROUNDS} × ${STEPS} steps): ${lines.join('; ')}; goal under 1,000 µs in QuickJS`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await variablesFigures();
