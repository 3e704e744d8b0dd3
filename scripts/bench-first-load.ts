// The page's first load, as a first-time visitor on a phone-like profile sees it: the JavaScript that crosses the wire
// before Run works, and the time until then, in Debian's Chromium. Part of `npm run bench`; runs alone too
// (`npx tsx scripts/bench-first-load.ts`). Prints figures; asserts nothing.
//
// "Run works" means: the Run button is there and enabled, and a click on it starts a run: the timeline says the run
// is starting (or already shows its state). Only the page's own script requests count; the runner worker (the
// TypeScript compiler, QuickJS) is not on that path: it loads in a worker, its bytes are printed apart, with the time
// until the run's first step. Each visit is a fresh browser context: an empty cache, no stored playground.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 3219);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = join(import.meta.dirname, '..');
const NEXT = join(ROOT, 'node_modules', '.bin', 'next');
export const FIRST_LOAD_BUDGET_KB = 300;
export const RUN_WORKS_BUDGET_S = 3.8;

/** The phone-like profile of issue 11: 4× slower CPU, 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency. */
export const PHONE_PROFILE = {
  cpuSlowdown: 4,
  network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 },
} as const;

interface Profile {
  cpuSlowdown: number;
  network?: { offline: boolean; latency: number; downloadThroughput: number; uploadThroughput: number };
}

export interface FirstLoad {
  /** Bytes of script (compressed, as sent, headers included) whose loading finished before Run worked. */
  scriptBytesBeforeRun: number;
  scriptsBeforeRun: number;
  /** Milliseconds from the start of navigation until a click on Run had started a run. */
  runWorksMs: number;
  /** Milliseconds from the start of navigation until the run's first step showed. */
  firstStepMs: number;
  /** The page's script bytes after Run worked, until the first step (the step card, loaded on demand). */
  laterScriptBytes: number;
  /** What the workers load (the TypeScript compiler, QuickJS and its wasm): off the page's critical path. */
  workerBytes: number;
}

// Runs in the page before any of its own scripts: notes when the run first shows in the timeline and when its first
// step does, in the page's clock (milliseconds since navigation started).
interface Marks {
  runButton?: number;
  click?: number;
  runShown: number;
  firstStep: number;
}

const MARKERS = `
  (() => {
    const marks = {};
    window.__firstLoad = marks;
    const check = () => {
      if (marks.runShown === undefined && document.querySelector('[data-testid="run-starting"], [data-testid="run-status"]')) marks.runShown = performance.now();
      if (marks.runButton === undefined && [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Run' && !b.disabled)) marks.runButton = performance.now();
      if (marks.firstStep === undefined && document.querySelector('[data-testid="step"]')) marks.firstStep = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    document.addEventListener('click', () => { if (marks.click === undefined) marks.click = performance.now(); }, true);
  })();
`;

export async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within 150 s`);
}

/** Another program on the port would answer in the app's place and the figures would be its own. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use: set BENCH_PORT to a free port`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export function buildIfMissing(): void {
  if (existsSync(join(ROOT, '.next', 'BUILD_ID'))) return;
  console.log('No production build in .next: building it first (next build)…');
  const built = spawnSync(NEXT, ['build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (built.status !== 0) throw new Error('next build failed');
}

async function measure(browser: Browser, profile: Profile): Promise<FirstLoad> {
  // A fresh context each time: no cache, no stored playground, a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(MARKERS);
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);

  const scripts = new Map<string, string>();
  const finished: { at: number; bytes: number; url: string }[] = [];
  let runWorksAt = Number.POSITIVE_INFINITY;
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const url = scripts.get(e.requestId);
    if (url !== undefined) finished.push({ at: Date.now(), bytes: e.encodedDataLength, url });
  });

  // The workers' own requests (the analysis and runner workers: the TypeScript compiler, QuickJS and its wasm) do not
  // reach the page's CDP session; Playwright reports every request, the workers' too, with its encoded size. What
  // the workers load is Playwright's script and wasm total less the page's own scripts.
  const allLoads: { url: string; bytes: Promise<number> }[] = [];
  page.on('requestfinished', (request) => {
    if (/\.(js|wasm)$/.test(new URL(request.url()).pathname)) {
      allLoads.push({ url: request.url(), bytes: request.sizes().then((z) => z.responseBodySize + z.responseHeadersSize, () => 0) });
    }
  });

  await page.goto(ORIGIN, { waitUntil: 'commit' });
  const run = page.getByRole('button', { name: 'Run', exact: true }).or(page.getByRole('button', { name: '▶ Run', exact: true }));
  await run.click({ timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __firstLoad: { runShown?: number } }).__firstLoad.runShown !== undefined, null, { timeout: 120_000 });
  runWorksAt = Date.now();
  await page.waitForFunction(() => (window as unknown as { __firstLoad: { firstStep?: number } }).__firstLoad.firstStep !== undefined, null, { timeout: 180_000 });
  const marks = await page.evaluate(() => (window as unknown as { __firstLoad: Marks }).__firstLoad);
  const allBytes = (await Promise.all(allLoads.map((w) => w.bytes))).reduce((a, b) => a + b, 0);
  const workerBytes = Math.max(0, allBytes - finished.reduce((sum, f) => sum + f.bytes, 0));
  await context.close();

  const before = finished.filter((f) => f.at <= runWorksAt);
  const after = finished.filter((f) => f.at > runWorksAt);
  if (process.env.BENCH_VERBOSE) {
    console.log(`  marks (ms since navigation): ${JSON.stringify(marks, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
    for (const f of finished) console.log(`  ${f.at <= runWorksAt ? 'before' : 'after '} ${kb(f.bytes).padStart(6)} KB  ${new URL(f.url).pathname}`);
  }
  return {
    scriptBytesBeforeRun: before.reduce((sum, f) => sum + f.bytes, 0),
    scriptsBeforeRun: before.length,
    runWorksMs: marks.runShown,
    firstStepMs: marks.firstStep,
    laterScriptBytes: after.reduce((sum, f) => sum + f.bytes, 0),
    workerBytes,
  };
}

const kb = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en-US');
const s = (ms: number) => (ms / 1000).toFixed(2);

/** Builds if needed, serves the build on 127.0.0.1, and prints the first-load figures. */
export async function firstLoadFigures(): Promise<void> {
  buildIfMissing();
  await assertPortFree(PORT);
  const server = spawn(NEXT, ['start', '--hostname', '127.0.0.1', '--port', String(PORT)], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  let browser: Browser | undefined;
  try {
    await waitForServer(ORIGIN, server);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // One visit first so the server has compiled and cached every answer; the figures come from the next ones.
    await measure(browser, { cpuSlowdown: 1 });
    const phone = await measure(browser, PHONE_PROFILE);
    const desktop = await measure(browser, { cpuSlowdown: 1 });
    console.log(
      `first load: ${kb(phone.scriptBytesBeforeRun)} KB of JavaScript over the wire before Run works (budget ${FIRST_LOAD_BUDGET_KB} KB; ${phone.scriptsBeforeRun} scripts)`,
    );
    console.log(`time until Run works (4× CPU, 1.6 Mbit/s, 150 ms): ${s(phone.runWorksMs)} s (budget ${RUN_WORKS_BUDGET_S} s)`);
    console.log(`time until Run works (unthrottled): ${s(desktop.runWorksMs)} s`);
    console.log(
      `after Run: ${kb(phone.laterScriptBytes)} KB more page JavaScript (the step card, on demand); the workers load ${kb(phone.workerBytes)} KB (TypeScript compiler, QuickJS), off the critical path; first step shown at ${s(phone.firstStepMs)} s (phone-like), ${s(desktop.firstStepMs)} s (unthrottled)`,
    );
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await firstLoadFigures();
}
