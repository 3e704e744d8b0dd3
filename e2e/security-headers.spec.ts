// The app's answers carry a Content-Security-Policy with a per-answer nonce, and nosniff / no-referrer everywhere;
// the app works under it (no violation while it loads, edits tools and runs), and injected inline script does not run.
import { expect, test } from './fixtures';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

test('every answer says nosniff and no-referrer; pages carry a nonce CSP without unsafe-inline, new on each answer', async ({ page, request }) => {
  const first = await request.get('/');
  const second = await request.get('/');
  const policy = first.headers()['content-security-policy']!;
  const csp = directives(policy);
  const nonce = csp.get('script-src')!.find((v) => v.startsWith("'nonce-"));
  expect(nonce).toBeTruthy();
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(second.headers()['content-security-policy']).not.toBe(policy);
  // Next put this answer's nonce on its own scripts.
  expect(await first.text()).toContain(`nonce="${nonce!.slice(7, -1)}"`);

  await page.goto('/');
  const script = await page.evaluate(() => [...document.scripts].map((s) => s.src).find((src) => src.includes('/_next/static/')));
  const answers = [first, await request.get(script!), await request.get('/api/model-proxy-status'), await request.get('/api/model-proxy/openai/chat/completions')];
  for (const answer of answers) {
    expect(answer.headers()['x-content-type-options'], answer.url()).toBe('nosniff');
    expect(answer.headers()['referrer-policy'], answer.url()).toBe('no-referrer');
  }
});

test('only the embed of a published run may be framed by other sites; the app itself stays unframeable', async ({ request }) => {
  const published = await request.post('/api/playgrounds', { data: { playground: { version: 1, title: 'Framed', task: 'Nothing.' } } });
  expect([200, 201]).toContain(published.status());
  const { id } = (await published.json()) as { id: string };
  const embed = await request.get(`/embed/${id}`);
  expect(embed.status()).toBe(200);
  const csp = directives(embed.headers()['content-security-policy']!);
  expect(csp.get('frame-ancestors')).toEqual(['*']);
  expect(csp.get('script-src')!.some((v) => v.startsWith("'nonce-"))).toBe(true);
  expect(embed.headers()['cross-origin-resource-policy']).toBe('cross-origin');
  expect(embed.headers()['x-content-type-options']).toBe('nosniff');
  for (const path of ['/', `/p/${id}`]) {
    const answer = await request.get(path);
    expect(directives(answer.headers()['content-security-policy']!).get('frame-ancestors'), path).toEqual(["'none'"]);
    expect(answer.headers()['cross-origin-resource-policy'], path).toBeUndefined();
  }
});

test('the app loads, edits tools and runs under the policy with no violation, and injected inline script does not run', async ({ page, offlineGuard }) => {
  // The one refusal this test provokes on purpose, at its end (violations before it are counted below).
  offlineGuard.allowConsoleErrors(/inline (event handler|script) violates the following Content Security Policy directive/);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Tools' }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('tool-signature').first()).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('Cairo: 34 °C (93.2 °F)');
  expect(violations).toEqual([]);

  // The classic injection: markup with an inline event handler. Without 'unsafe-inline' it never runs.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img alt="" src="data:image/png;base64,AAAA" onerror="window.__injected = true">';
    document.body.append(div);
  });
  // And a script element made by script, which 'strict-dynamic' would have let through.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBe(2);
  expect(violations.every((v) => v.startsWith('script-src'))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
