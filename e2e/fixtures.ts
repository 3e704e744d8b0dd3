// Shared test setup: every page records requests that leave loopback and console errors, and the test fails on either.
// A test that provokes a browser error on purpose (a refused call, a 401 answer) names it with allowConsoleErrors.
import { test as base, expect } from '@playwright/test';

export interface OfflineGuard {
  external: string[];
  consoleErrors: string[];
  /** Console errors matching one of these are expected by this test; every other one still fails it. */
  allowConsoleErrors: (...patterns: RegExp[]) => void;
  /** Requests to URLs matching one of these are expected by this test (still refused, never sent); others still fail it. */
  allowExternal: (...patterns: RegExp[]) => void;
}

export const test = base.extend<{ offlineGuard: OfflineGuard }>({
  offlineGuard: [
    async ({ page }, use) => {
      const external: string[] = [];
      const consoleErrors: string[] = [];
      const allowed: RegExp[] = [];
      const allowedExternal: RegExp[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
          return route.continue();
        }
        external.push(route.request().url());
        return route.abort();
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      await use({
        external,
        consoleErrors,
        allowConsoleErrors: (...patterns) => void allowed.push(...patterns),
        allowExternal: (...patterns) => void allowedExternal.push(...patterns),
      });
      expect(
        external.filter((url) => !allowedExternal.some((p) => p.test(url))),
        'requests that left 127.0.0.1',
      ).toEqual([]);
      expect(
        consoleErrors.filter((text) => !allowed.some((p) => p.test(text))),
        'console errors',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
