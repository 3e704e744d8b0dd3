// The page's Content-Security-Policy: what the app needs and nothing else. Pure, so the proxy and the tests share it.
//
// - Scripts: only the app's own, each carrying this answer's nonce (Next puts it on its framework and page scripts);
//   the app's chunks load from 'self'. No 'strict-dynamic' (it would let a script element made by script run) and no
//   'unsafe-inline': injected inline scripts and event handlers do not run.
//   'wasm-unsafe-eval' compiles the QuickJS sandbox; 'unsafe-eval' only in development (React's dev tooling needs it).
// - Workers (the agent runner, Monaco's language services) come from the app itself.
// - Styles allow inline: Monaco and the UI set style attributes and inject <style> elements. Styles cannot run code.
// - connect-src is open to any http(s) address, because the person chooses the model's address (a local Ollama, a
//   vLLM on the LAN, any provider). This is the policy's known gap: it does not limit where the page may connect.
// - The only frame is StackBlitz's WebContainer host; nothing may frame the app, except the embed (/embed/<id>): a
//   published run shown read-only for other sites' iframes. It holds no key and calls no model, and embeds nothing.

/** The address of StackBlitz's headless WebContainer host (@webcontainer/api's iframe). */
export const WEBCONTAINER_FRAME_ORIGIN = 'https://stackblitz.com';

/** The routes other sites may frame: the read-only embed of a published run. */
export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith('/embed/');
}

export function contentSecurityPolicy(nonce: string, options: { development?: boolean; embed?: boolean } = {}): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'wasm-unsafe-eval'", ...(options.development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['worker-src', "'self'", 'blob:'],
    ['connect-src', "'self'", 'http:', 'https:', 'ws:', 'wss:'],
    ['frame-src', ...(options.embed ? ["'none'"] : [WEBCONTAINER_FRAME_ORIGIN])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', options.embed ? '*' : "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** A fresh nonce for one answer: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
