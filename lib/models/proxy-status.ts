// What the proxy tells about its configuration: the status route's JSON and the server's start-up lines. Which keys
// exist and which variable each host's key comes from, never a key's value.
import { ALLOW_NO_ORIGIN_ENV, ALLOWED_HOSTS_ENV, FIXED_KEY_ENV, type FixedProvider, type ProxyEnv } from './proxy-env';

export interface ProxyStatus {
  /** Whether each fixed provider has a server key (sent only to its fixed upstream). */
  serverKeys: Record<FixedProvider, boolean>;
  /** The operator's extra OpenAI-compatible hosts; `serverKey` says whether calls there get one (from `keyVariable`). */
  allowedHosts: Array<{ host: string; keyVariable?: string; serverKey: boolean }>;
  /** Whether calls without Origin and Sec-Fetch-Site are accepted (MODEL_PROXY_ALLOW_NO_ORIGIN=1). */
  allowNoOrigin: boolean;
  /** Problems with the configuration (ignored entries, unset key variables). */
  warnings: string[];
}

export function proxyStatus(env: ProxyEnv): ProxyStatus {
  return {
    serverKeys: { openai: Boolean(env.keys.openai), anthropic: Boolean(env.keys.anthropic), google: Boolean(env.keys.google) },
    allowedHosts: env.allowedHosts.map((h) => ({ host: h.host, ...(h.keyVariable ? { keyVariable: h.keyVariable } : {}), serverKey: Boolean(h.key) })),
    allowNoOrigin: env.allowNoOrigin,
    warnings: [...env.warnings],
  };
}

/** The lines the server prints at start: nothing when the proxy is unconfigured; warnings always. */
export function proxyStartupLines(env: ProxyEnv): string[] {
  const lines: string[] = [];
  const fixed = (Object.keys(FIXED_KEY_ENV) as FixedProvider[]).filter((p) => env.keys[p]);
  if (fixed.length > 0) lines.push(`model-proxy: server keys for ${fixed.map((p) => `${p} (${FIXED_KEY_ENV[p]})`).join(', ')}, sent only to their own APIs`);
  if (env.allowedHosts.length > 0) {
    const hosts = env.allowedHosts.map((h) => (h.key ? `${h.host} (server key from ${h.keyVariable})` : `${h.host} (no server key)`));
    lines.push(`model-proxy: ${ALLOWED_HOSTS_ENV}: ${hosts.join(', ')}`);
  }
  if (env.allowNoOrigin) lines.push(`model-proxy: ${ALLOW_NO_ORIGIN_ENV}=1: calls without Origin or Sec-Fetch-Site are accepted`);
  for (const warning of env.warnings) lines.push(`model-proxy: warning: ${warning}`);
  return lines;
}
