import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isEmbedPath, newNonce } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('the Content-Security-Policy', () => {
  it('runs only scripts carrying the nonce, never inline ones, and allows the sandbox’s wasm', () => {
    const csp = directives(contentSecurityPolicy('abc123'));
    const scripts = csp.get('script-src')!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'wasm-unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy('n', { development: true })).get('script-src')).toContain("'unsafe-eval'");
  });

  it('allows no plugins, no base element, no framing of the app, and only the WebContainer host as a frame', () => {
    const csp = directives(contentSecurityPolicy('n'));
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(['https://stackblitz.com']);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('lets any site frame the embed of a published run (which frames nothing), and only the embed', () => {
    const embed = directives(contentSecurityPolicy('n', { embed: true }));
    expect(embed.get('frame-ancestors')).toEqual(['*']);
    expect(embed.get('frame-src')).toEqual(["'none'"]);
    expect(embed.get('script-src')).toEqual(directives(contentSecurityPolicy('n')).get('script-src'));
    expect(['/embed/Ab3_-xYz0123', '/embed'].every(isEmbedPath)).toBe(true);
    expect(['/', '/p/Ab3_-xYz0123', '/embedded', '/how-it-works', '/api/embed/x'].some(isEmbedPath)).toBe(false);
  });

  it('gives every answer a different, unguessable nonce', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});
