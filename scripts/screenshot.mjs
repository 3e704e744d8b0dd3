// Takes the README's screenshot of the playground: a finished run of the first example with a step expanded.
// Usage: npm run build && npm run screenshot   (writes docs/playground.png)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';

const port = Number(process.env.SCREENSHOT_PORT ?? 3123);
const out = process.argv[2] ?? 'docs/playground.png';
// The server itself, not npx in front of it, so that killing it at the end really stops it.
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const server = spawn(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not start on port ${port} (run "npm run build" first)`);
}

try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole('tab', { name: 'Tools' }).click();
  await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 }).catch(() => {});
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByTestId('final-answer').waitFor();
  await page.getByTestId('timeline').evaluate((el) => el.scrollTo({ top: 0 }));
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  server.kill();
}
