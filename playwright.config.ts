import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3107);
// Published playgrounds of this test run: a fresh SQLite file outside the repo. Kept in the environment so the
// workers, which load this file again and inherit it, name the same folder instead of making new ones.
process.env.E2E_PUBLISH_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'e2e-publish-'));

export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  // What a person would wait for on a busy 2-core machine: a run's first answer can take several seconds there.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `next start --hostname 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        // The model proxy may reach the fake model servers the tests start on these ports; the one on 3918 is paired with
        // this server-side key (the other gets none). Nothing ever listens on 3919: the proxy's own failure to connect.
        MODEL_PROXY_ALLOWED_HOSTS: '127.0.0.1:3917,127.0.0.1:3918=OPENAI_COMPATIBLE_API_KEY,127.0.0.1:3919',
        OPENAI_COMPATIBLE_API_KEY: 'sk-server-side-0123456789',
        // The MCP proxy may reach the MCP test server of the browser specs (port 3921), and e2e/mcp-errors.spec.ts's server
        // without CORS headers (3922) and its port where nothing listens (3923).
        MCP_PROXY_ALLOWED_HOSTS: '127.0.0.1:3921,127.0.0.1:3922,127.0.0.1:3923',
        PUBLISH_DATA_DIR: process.env.E2E_PUBLISH_DATA_DIR,
        // Every spec publishes from 127.0.0.1 (one bucket): far past what a run of the suite needs.
        PUBLISH_RATE_LIMIT: '10000',
      },
    },
    {
      // The loopback MCP server the MCP spec adds in Settings; /secure/mcp wants this token. It counts every request
      // (GET /requests), so a spec can check that nothing was contacted.
      command: 'npx tsx scripts/mcp-test-server.ts --port 3921 --token mcp-secret-token --count-requests',
      url: 'http://127.0.0.1:3921/requests',
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
