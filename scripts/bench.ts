// `npm run bench`: the engine's overhead per step against a raw QuickJS eval, and the sandbox's cold start.
// Prints figures; asserts nothing. Numbers vary with the machine: compare ratios, not absolute times.
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { applyEvent, EMPTY_RUN_STATE, modelInputForStep, type AgentEvent } from '../lib/agent';
import { createAgentFromPlayground } from '../lib/runner';
import { parsePlayground } from '../lib/playground/parse-playground';
import { createQuickJSExecutor } from '../lib/sandbox';
import { compileTools } from '../lib/tools';

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

const cold = await coldStartMs();
console.log(`QuickJS module load (first, in this process): ${cold.moduleMs.toFixed(1)} ms`);
console.log(`Sandbox cold start, runtime + context + prelude + tools: first ${cold.firstSessionMs.toFixed(1)} ms, then median ${cold.sessionMs.toFixed(2)} ms`);
console.log(`Tools source compile (20 tools, 180 lines, what the editor pays per keystroke): median ${compileMs().toFixed(2)} ms`);
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
