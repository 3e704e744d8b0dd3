// `npm run bench`: the engine's overhead per step against a raw QuickJS eval, the sandbox's cold start, and the
// Node kernel (a child process) against QuickJS: per-step overhead and a compute-heavy snippet.
// The cost of the variables snapshot after each step. The timeline's frame time scrolling a 1,000-step run, as step cards and as the waterfall. Also the share link of every bundled example, with its length, and publish/fetch latency of the publish API on SQLite. Prints figures; asserts nothing. Numbers vary with the machine: compare ratios, not absolute times.
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { applyEvent, EMPTY_RUN_STATE, modelInputForStep, type AgentEvent } from '../lib/agent';
import { createAgentFromPlayground } from '../lib/runner';
import { parsePlayground } from '../lib/playground/parse-playground';
import { createKernelExecutor, createQuickJSExecutor, type Executor, type ExecutorOptions } from '../lib/sandbox';
import { createNodeExecutor, createNodeLauncher, withoutInterrupt } from '../lib/sandbox/node';
import { compileTools } from '../lib/tools';
import { EXAMPLES } from '../lib/playground/examples';
import '../lib/share/link-dictionary-register';
import { encodeShareHashV1, shareUrl, type SharePayload } from '../lib/share/share-link';
import { firstLoadFigures } from './bench-first-load';
import { mcpFigures } from './bench-mcp';
import { publishFigures } from './bench-publish';
import { variablesFigures } from './bench-variables';
import { waterfallFigures } from './bench-waterfall';

// `npm run bench -- waterfall`: only the timeline's frame timing on a 1,000-step run, in Chromium.
if (process.argv.slice(2).includes('waterfall')) {
  await waterfallFigures();
  process.exit(0);
}

const ROUNDS = 5;
const SNIPPET = 'const x = 1 + 1;';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function benchPlayground(STEPS: number) {
  const responses = Array.from({ length: STEPS - 1 }, () => `Thought: step.\n\`\`\`js\n${SNIPPET}\n\`\`\``);
  responses.push('Thought: done.\n```js\nfinal_answer(x)\n```');
  const parsed = parsePlayground({
    version: 1,
    task: 'bench',
    tools: '/**\n * Adds.\n * @param a A number.\n * @param b Another.\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n',
    agent: { maxSteps: STEPS },
    model: { provider: 'replay', responses },
  });
  if (!parsed.ok) throw new Error('bench playground invalid');
  return parsed.playground;
}

async function engineStepMs(STEPS: number): Promise<number> {
  const pg = benchPlayground(STEPS);
  const agent = createAgentFromPlayground(pg, { replayDelayMs: 0 });
  const started = performance.now();
  let status = '';
  for await (const e of agent.run(pg.task)) if (e.type === 'run_end' && !e.parent) status = e.status;
  if (status !== 'success') throw new Error(`bench run ended as ${status}`);
  return (performance.now() - started) / STEPS;
}

async function rawEvalMs(STEPS: number): Promise<number> {
  const quickjs = await newQuickJSWASMModuleFromVariant(releaseSync);
  const runtime = quickjs.newRuntime();
  const context = runtime.newContext();
  const started = performance.now();
  for (let i = 0; i < STEPS; i++) {
    // Wrapped in a block so the const can be declared again, as the engine's rewrite allows.
    const result = context.evalCode(`{ ${SNIPPET} }`);
    if (result.error) {
      result.error.dispose();
      throw new Error('raw eval failed');
    }
    result.value.dispose();
  }
  const elapsed = (performance.now() - started) / STEPS;
  context.dispose();
  runtime.dispose();
  return elapsed;
}

async function coldStartMs(): Promise<{ moduleMs: number; firstSessionMs: number; sessionMs: number }> {
  const moduleStart = performance.now();
  await newQuickJSWASMModuleFromVariant(releaseSync);
  const moduleMs = performance.now() - moduleStart;
  const compiled = compileTools('/**\n * Echo.\n * @param s Text.\n */\nexport function echo(s: string): string {\n  return s;\n}\n');
  const session = async () => {
    const started = performance.now();
    const executor = createQuickJSExecutor({ toolsJs: compiled.js, toolNames: ['echo'], functionNames: compiled.functionNames });
    await executor.start();
    const elapsed = performance.now() - started;
    executor.dispose();
    return elapsed;
  };
  const firstSessionMs = await session();
  const later: number[] = [];
  for (let i = 0; i < 20; i++) later.push(await session());
  return { moduleMs, firstSessionMs, sessionMs: median(later) };
}

function compileMs(): number {
  const source = Array.from(
    { length: 20 },
    (_, i) => `/**\n * Tool ${i}.\n * @param a Text.\n * @param b A number.\n */\nexport async function tool_${i}(a: string, b: number = 2): Promise<string[]> {\n  return [a, String(b)];\n}\n`,
  ).join('\n');
  compileTools(source);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    compileTools(source);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** How deep plain recursion goes in the QuickJS sandbox on this thread before the catchable RangeError. */
async function recursionFigure(): Promise<string> {
  const executor = createQuickJSExecutor({ toolsJs: '', toolNames: [] });
  await executor.start();
  const r = await executor.execute('let reached = 0;\nfunction down(n) { reached = n; down(n + 1); }\ntry { down(1); } catch (e) {}\nreached');
  const limitKb = (executor.stackBytes() / 1024).toFixed(0);
  executor.dispose();
  return `QuickJS recursion: ${r.output ?? '?'} frames before RangeError (Node; stack limit ${limitKb} KiB, sized to this thread's stack; a Chromium worker: about 400)`;
}

const cold = await coldStartMs();
console.log(`QuickJS module load (first, in this process): ${cold.moduleMs.toFixed(1)} ms`);
console.log(`Sandbox cold start, runtime + context + prelude + tools: first ${cold.firstSessionMs.toFixed(1)} ms, then median ${cold.sessionMs.toFixed(2)} ms`);
console.log(`Tools source compile (20 tools, 180 lines, what the editor pays per keystroke): median ${compileMs().toFixed(2)} ms`);
console.log(await recursionFigure());
for (const steps of [10, 200]) {
  // Warm up both paths once, then take medians.
  await engineStepMs(steps);
  await rawEvalMs(steps);
  const engine: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    engine.push(await engineStepMs(steps));
    raw.push(await rawEvalMs(steps));
  }
  const e = median(engine);
  const r = median(raw);
  console.log(
    `Run of ${String(steps).padStart(3)} steps (replay model, QuickJS, "${SNIPPET}"): engine ${(e * 1000).toFixed(0)} µs/step, raw QuickJS evalCode ${(r * 1000).toFixed(1)} µs, ratio ${(e / r).toFixed(0)}× (median of ${ROUNDS})`,
  );
}

/** What the timeline's store does with a long run: fold every event into the run state, and derive a late step's input. */
async function timelineFigures(STEPS: number) {
  const pg = benchPlayground(STEPS);
  const events: AgentEvent[] = [];
  for await (const e of createAgentFromPlayground(pg, { replayDelayMs: 0 }).run(pg.task)) events.push(e);
  const folds: number[] = [];
  let state = EMPTY_RUN_STATE;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    state = events.reduce(applyEvent, EMPTY_RUN_STATE);
    folds.push(performance.now() - started);
  }
  const started = performance.now();
  const messages = modelInputForStep(state.runs[0]!, state.steps, state.steps.at(-1)!);
  const inputMs = performance.now() - started;
  console.log(
    `Timeline of a ${STEPS}-step run: folding its ${events.length} events ${median(folds).toFixed(1)} ms (median of ${ROUNDS}); ` +
      `the last step's ${messages.length} input messages derived in ${inputMs.toFixed(2)} ms`,
  );
}
await timelineFigures(1_000);

/** The Node kernel against QuickJS, through the same Executor interface: a trivial step, a cold start, real work. */
async function kernelFigures() {
  const compiled = compileTools('/**\n * Echo.\n * @param s Text.\n */\nexport function echo(s: string): string {\n  return s;\n}\n');
  const options: ExecutorOptions = { toolsJs: compiled.js, toolNames: ['echo'], functionNames: compiled.functionNames, limits: { timeoutMs: 120_000 } };
  // A kernel that can't be interrupted by a signal (as in a WebContainer) bounds each run with a vm timeout instead.
  const uninterruptible = withoutInterrupt(createNodeLauncher());
  const makers: [string, (o: ExecutorOptions) => Executor][] = [
    ['QuickJS', createQuickJSExecutor],
    ['Node kernel', createNodeExecutor],
    ['vm timeouts', (o) => createKernelExecutor({ ...o, launcher: uninterruptible })],
  ];
  const STEPS = 200;
  const perStep: Record<string, number> = {};
  const starts: Record<string, number> = {};
  const compute: Record<string, number> = {};
  const PRIMES = 'const N = 2_000_000;\nconst sieve = new Uint8Array(N + 1);\nlet primes = 0;\nfor (let i = 2; i <= N; i++) {\n  if (sieve[i]) continue;\n  primes++;\n  for (let j = i * i; j <= N; j += i) sieve[j] = 1;\n}\nprimes';
  for (const [label, make] of makers) {
    const coldStarts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const e = make(options);
      await e.start();
      coldStarts.push(performance.now() - started);
      e.dispose();
    }
    starts[label] = median(coldStarts);
    const executor = make(options);
    await executor.start();
    for (let i = 0; i < 20; i++) await executor.execute(SNIPPET); // warm-up
    let started = performance.now();
    for (let i = 0; i < STEPS; i++) await executor.execute(SNIPPET);
    perStep[label] = (performance.now() - started) / STEPS;
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      const r = await executor.execute(PRIMES);
      runs.push(performance.now() - started);
      if (r.output !== '148933') throw new Error(`${label}: primes gave ${r.output ?? JSON.stringify(r.error)}`);
    }
    compute[label] = median(runs);
    executor.dispose();
  }
  const q = perStep.QuickJS!;
  const n = perStep['Node kernel']!;
  console.log(
    `Executor step ("${SNIPPET}", mean of ${STEPS}): QuickJS ${(q * 1000).toFixed(0)} µs/step, Node kernel (child process, JSON lines) ${(n * 1000).toFixed(0)} µs/step, ratio ${(n / q).toFixed(1)}×; the kernel with vm timeouts instead of SIGINT ${(perStep['vm timeouts']! * 1000).toFixed(0)} µs/step`,
  );
  console.log(`Executor cold start with tools (median of 5): QuickJS ${starts.QuickJS!.toFixed(1)} ms, Node kernel ${starts['Node kernel']!.toFixed(1)} ms`);
  console.log(
    `Compute (primes below 2e6, a sieve, median of 3): QuickJS ${compute.QuickJS!.toFixed(0)} ms, Node kernel ${compute['Node kernel']!.toFixed(0)} ms, QuickJS/kernel ${(compute.QuickJS! / compute['Node kernel']!).toFixed(0)}×`,
  );
}
await kernelFigures();

await variablesFigures();

/** Share links of the bundled examples: what a teacher would paste, with and without the recorded run, in link formats 1 and 2. */
async function shareLinkFigures() {
  const origin = 'https://agent-playground.example';
  const v1 = (payload: SharePayload) => `${origin}/#${encodeShareHashV1(payload)}`.length;
  console.log(`Share links of the bundled examples (characters with the origin ${origin}; v2 uses the preset dictionary; the app warns past 8,000):`);
  for (const example of EXAMPLES) {
    const agent = createAgentFromPlayground(example.playground, { replayDelayMs: 0 });
    const events: AgentEvent[] = [];
    for await (const e of agent.run(example.playground.task)) events.push(e);
    const plain = { playground: example.playground };
    const withRun = { playground: example.playground, run: { events } };
    const plainV2 = shareUrl(origin, plain);
    console.log(
      `  ${example.id}: playground v1 ${v1(plain)}, v2 ${plainV2.length}; with its run v1 ${v1(withRun)}, v2 ${shareUrl(origin, withRun).length}`,
    );
    console.log(`    ${plainV2}`);
  }
}
await shareLinkFigures();

await publishFigures();

await mcpFigures();
// Last: these build the app if needed and drive Chromium, the slowest figures here.
await firstLoadFigures();
await waterfallFigures();
