// The key a proxied call carries: the caller's own, passed on unchanged, or, when it brings no credential header at
// all, the server-side key paired with the target. An empty credential is refused, never filled in.
import { allowedHostFor, type ProxyEnv } from './proxy-env';
import type { Refusal } from './proxy-origin';

export const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'x-goog-api-key'] as const;

/** '', 'Bearer', 'Bearer   ' */
export function isBlankCredential(value: string): boolean {
  return value.trim().replace(/^bearer\b/i, '').trim() === '';
}

/** Refuses a request whose credential header is present but empty (a page that lost its key should say so, not borrow the server's). */
export function emptyCredentialRefusal(headers: Headers): Refusal | undefined {
  for (const name of CREDENTIAL_HEADERS) {
    const value = headers.get(name);
    if (value !== null && isBlankCredential(value)) {
      return {
        status: 401,
        message: `The ${name} header is empty${value.trim() ? ` (${JSON.stringify(value.trim().slice(0, 10))} without a key)` : ''}. Send an API key in it, or leave the header out entirely to use the server's key where the operator set one.`,
      };
    }
  }
  return undefined;
}

export function bringsCredential(headers: Headers): boolean {
  return CREDENTIAL_HEADERS.some((name) => headers.has(name));
}

/**
 * The server-side key for this call, if any: a fixed provider's own variable, only for its fixed upstream; for an
 * OpenAI-compatible server, only the key paired with exactly this host in MODEL_PROXY_ALLOWED_HOSTS.
 */
export function serverKeyFor(provider: 'openai' | 'anthropic' | 'google' | 'openai-compatible', target: URL, env: ProxyEnv): string | undefined {
  if (provider === 'openai-compatible') return allowedHostFor(target, env)?.key;
  return env.keys[provider];
}

/** Sets the server key in the header the provider reads. */
export function addServerKey(headers: Headers, provider: 'openai' | 'anthropic' | 'google' | 'openai-compatible', key: string): void {
  if (provider === 'anthropic') headers.set('x-api-key', key);
  else if (provider === 'google') headers.set('x-goog-api-key', key);
  else headers.set('authorization', `Bearer ${key}`);
}
