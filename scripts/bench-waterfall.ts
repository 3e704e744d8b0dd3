// Frame timing of the timeline on a 1,000-step run in Debian's Chromium: scrolling the step cards from the first step
// to the last, then the same with the waterfall; median and 95th percentile frame time and the JS heap after each,
// beside the goal of 16.7 ms per frame (60 frames a second). Part of `npm run bench`; runs alone too
// (`npm run bench -- waterfall`, or `npx tsx scripts/bench-waterfall.ts`). Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { assertPortFree, buildIfMissing, waitForServer } from './bench-first-load';

const PORT = Number(process.env.BENCH_WATERFALL_PORT ?? 3218);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = join(import.meta.dirname, '..');
const NEXT = join(ROOT, 'node_modules', '.bin', 'next');
const STEPS = 1_000;
/** Frames each scroll through the run takes (about ten seconds at 60 frames a second). */
const FRAMES = 600;
export const FRAME_GOAL_MS = 16.7;

const ADD_TOOL = '/**\n * Adds two numbers.\n * @param a The first number.\n * @param b The second number.\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n';

/** A 1,000-step run: every step thinks, writes code and calls a tool, as e2e/long-run.spec.ts does. */
function longRunPlayground() {
  const fence = (code: string, thought: string) => `${thought}\n\`\`\`js\n${code}\n\`\`\``;
  const responses = Array.from({ length: STEPS - 1 }, (_, i) => fence(`console.log("step", add(${i}, 1));`, `Thought: counting, ${i + 1}.`));
  responses.push(fence('final_answer("counted to 1000");', 'Thought: done.'));
  return { version: 1, title: 'Long run', task: 'Count.', tools: ADD_TOOL, agent: { maxSteps: STEPS }, model: { provider: 'replay', responses, delayMs: 0 } };
}

export interface FrameFigures {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  pxPerFrame: number;
  heapMb: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

// In the page, as a string: functions handed to evaluate would carry the bench's compiled helpers (tsx names them).
const scrollScript = (frames: number) => `
  new Promise((resolve) => {
    const el = document.querySelector('[data-testid="timeline"]');
    const deltas = [];
    const pxPerFrame = (el.scrollHeight - el.clientHeight) / ${frames};
    let last = performance.now();
    let n = 0;
    const tick = (now) => {
      if (n > 0) deltas.push(now - last);
      last = now;
      if (n++ >= ${frames}) return resolve({ deltas, pxPerFrame });
      el.scrollTop = n * pxPerFrame;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })
`;

/** Scrolls the timeline from top to bottom over FRAMES animation frames; the time between frames is the frame time. */
async function scrollThrough(page: Page): Promise<FrameFigures> {
  const timeline = page.getByTestId('timeline');
  await timeline.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.waitForTimeout(300);
  const result = (await page.evaluate(scrollScript(FRAMES))) as { deltas: number[]; pxPerFrame: number };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const sorted = [...result.deltas].sort((a, b) => a - b);
  return {
    frames: sorted.length,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    maxMs: sorted.at(-1)!,
    pxPerFrame: result.pxPerFrame,
    heapMb: heap.usedSize / 1024 / 1024,
  };
}

async function measure(browser: Browser): Promise<{ list: FrameFigures; waterfall: FrameFigures; rows: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const doc = JSON.stringify({ version: 1, state: { doc: longRunPlayground() } });
  await page.addInitScript((value) => {
    if (window === window.top && !sessionStorage.getItem('bench:seeded')) {
      sessionStorage.setItem('bench:seeded', '1');
      localStorage.clear();
      localStorage.setItem('agent-playground:playground', value);
    }
  }, doc);
  await page.goto(ORIGIN);
  await page.getByRole('button', { name: 'Run', exact: true }).click({ timeout: 120_000 });
  await page.getByTestId('final-answer').waitFor({ timeout: 300_000 });
  const list = await scrollThrough(page);
  await page.getByRole('button', { name: 'Waterfall', exact: true }).click();
  await page.getByTestId('waterfall-chart').waitFor();
  const rows = Number(await page.getByRole('list', { name: 'Waterfall' }).locator('li').first().getAttribute('aria-setsize'));
  const waterfall = await scrollThrough(page);
  await context.close();
  return { list, waterfall, rows };
}

const f = (ms: number) => ms.toFixed(1);
const line = (label: string, x: FrameFigures) =>
  `  ${label}: median ${f(x.medianMs)} ms, p95 ${f(x.p95Ms)} ms, worst ${f(x.maxMs)} ms per frame (${x.frames} frames, ${Math.round(x.pxPerFrame)} px a frame); JS heap after ${x.heapMb.toFixed(1)} MB`;

/** Builds if needed, serves the build on 127.0.0.1, runs the 1,000-step run and prints the frame figures. */
export async function waterfallFigures(): Promise<void> {
  buildIfMissing();
  await assertPortFree(PORT);
  const server = spawn(NEXT, ['start', '--hostname', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  let browser: Browser | undefined;
  try {
    await waitForServer(ORIGIN, server);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const { list, waterfall, rows } = await measure(browser);
    console.log(`Timeline frame time, scrolling a ${STEPS.toLocaleString('en-US')}-step run top to bottom in Chromium (goal ${FRAME_GOAL_MS} ms per frame):`);
    console.log(line('step cards', list));
    console.log(line(`waterfall (${rows.toLocaleString('en-US')} rows)`, waterfall));
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await waterfallFigures();
}
