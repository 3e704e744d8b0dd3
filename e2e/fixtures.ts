// Shared test setup: every page records requests that leave loopback and console errors, and the test fails on either.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ offlineGuard: { external: string[]; consoleErrors: string[] } }>({
  offlineGuard: [
    async ({ page }, use) => {
      const external: string[] = [];
      const consoleErrors: string[] = [];
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
      await use({ external, consoleErrors });
      expect(external, 'requests that left 127.0.0.1').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
