// The model proxy's configuration, read from the server's environment. Pure TypeScript (no Next).
//
// MODEL_PROXY_ALLOWED_HOSTS lists the extra OpenAI-compatible hosts the proxy may call, each optionally paired with the
// NAME of the variable holding its server-side key: `localhost:11434,gpu.lan:8000=VLLM_KEY`. A server key goes only to
// the host it is paired with; OPENAI_API_KEY, ANTHROPIC_API_KEY and GOOGLE_GENERATIVE_AI_API_KEY only to their fixed
// upstreams. Bad entries are ignored (fail closed) with a warning that never contains a key.

export const ALLOWED_HOSTS_ENV = 'MODEL_PROXY_ALLOWED_HOSTS';
/** Opt-in for callers that send neither Origin nor Sec-Fetch-Site (scripts, the CLI). */
export const ALLOW_NO_ORIGIN_ENV = 'MODEL_PROXY_ALLOW_NO_ORIGIN';

export type FixedProvider = 'openai' | 'anthropic' | 'google';

/** The environment variable each fixed provider's server-side key is read from. */
export const FIXED_KEY_ENV: Record<FixedProvider, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GOOGLE_GENERATIVE_AI_API_KEY',
};

export interface AllowedHost {
  /** Canonical `host[:port]`, lower case. */
  host: string;
  /** The variable named after `=`, when the entry pairs one. */
  keyVariable?: string;
  /** That variable's value (trimmed), when it is set and not empty. */
  key?: string;
}

export interface ProxyEnv {
  allowedHosts: AllowedHost[];
  /** Server-side keys of the fixed providers. */
  keys: Partial<Record<FixedProvider, string>>;
  /** MODEL_PROXY_ALLOW_NO_ORIGIN=1: requests without Origin and Sec-Fetch-Site may pass. */
  allowNoOrigin: boolean;
  /** What is wrong with the configuration, one line each; never a key's value. */
  warnings: string[];
}

/** Upper-case names only: a pasted key (sk-…, AIza…) is never mistaken for a variable name and printed. */
const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

export function proxyEnvFrom(env: Record<string, string | undefined>): ProxyEnv {
  const warnings: string[] = [];
  const allowedHosts: AllowedHost[] = [];
  for (const raw of (env[ALLOWED_HOSTS_ENV] ?? '').split(',')) {
    const parsed = parseHostEntry(raw, env);
    if (!parsed) continue;
    if (!('entry' in parsed)) {
      warnings.push(parsed.warning);
      continue;
    }
    const { entry, warning } = parsed;
    const earlier = allowedHosts.find((h) => h.host === entry.host);
    if (earlier) {
      if (earlier.keyVariable !== entry.keyVariable) {
        warnings.push(`${ALLOWED_HOSTS_ENV}: ${entry.host} is listed twice; the first entry (${describePairing(earlier)}) counts.`);
      }
      continue;
    }
    if (warning) warnings.push(warning);
    allowedHosts.push(entry);
  }

  const keys: Partial<Record<FixedProvider, string>> = {};
  for (const provider of Object.keys(FIXED_KEY_ENV) as FixedProvider[]) {
    const key = env[FIXED_KEY_ENV[provider]]?.trim();
    if (key) keys[provider] = key;
  }

  const optIn = (env[ALLOW_NO_ORIGIN_ENV] ?? '').trim().toLowerCase();
  const allowNoOrigin = optIn === '1' || optIn === 'true';
  if (optIn && !allowNoOrigin && optIn !== '0' && optIn !== 'false') {
    warnings.push(`${ALLOW_NO_ORIGIN_ENV} is neither 1 nor 0; calls without Origin or Sec-Fetch-Site stay refused.`);
  }
  return { allowedHosts, keys, allowNoOrigin, warnings };
}

function describePairing(host: AllowedHost): string {
  return host.keyVariable ? `${host.host}=${host.keyVariable}` : host.host;
}

type ParsedEntry = { entry: AllowedHost; warning?: string } | { warning: string } | undefined;

function parseHostEntry(raw: string, env: Record<string, string | undefined>): ParsedEntry {
  const text = raw.trim();
  if (!text) return undefined;
  const eq = text.indexOf('=');
  const hostText = (eq === -1 ? text : text.slice(0, eq)).trim();
  const host = normalizeHost(hostText);
  // The text after "=" is never echoed: it could be a key pasted by mistake.
  const shown = JSON.stringify(`${hostText.slice(0, 80)}${eq === -1 ? '' : '=…'}`);
  if (!host) return { warning: `${ALLOWED_HOSTS_ENV}: the entry ${shown} is ignored: it is not a host or host:port.` };
  if (eq === -1) return { entry: { host } };

  const keyVariable = text.slice(eq + 1).trim();
  if (!VARIABLE_NAME.test(keyVariable)) {
    return {
      warning: `${ALLOWED_HOSTS_ENV}: the entry ${shown} is ignored: after "=" comes the NAME of the environment variable holding the key (capital letters, digits and _), e.g. ${host}=MY_SERVER_KEY, never the key itself.`,
    };
  }
  const key = env[keyVariable]?.trim();
  if (!key) {
    return {
      entry: { host, keyVariable },
      warning: `${ALLOWED_HOSTS_ENV}: ${host} is allowed without a server key: ${keyVariable} is not set or empty.`,
    };
  }
  return { entry: { host, keyVariable, key } };
}

/** `localhost:11434`, `HTTP://LocalHost:11434/v1`, `[::1]:8000` → canonical `host[:port]`; undefined when it is not one. */
export function normalizeHost(raw: string): string | undefined {
  let entry = raw.trim().toLowerCase();
  if (!entry) return undefined;
  // Tolerate a whole URL: keep its host and an explicitly written port.
  entry = entry.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '');
  const m = /^(\[[0-9a-f:.]+\]|[^:@[\]\s]+)(?::(\d{1,5}))?$/.exec(entry);
  if (!m) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`http://${m[1]}`).hostname;
  } catch {
    return undefined;
  }
  const port = m[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined;
  return port !== undefined ? `${hostname}:${Number(port)}` : hostname;
}

/** The operator's entry for this URL's host: an entry without a port matches the scheme's default port only. */
export function allowedHostFor(url: URL, env: Pick<ProxyEnv, 'allowedHosts'>): AllowedHost | undefined {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return env.allowedHosts.find((entry) => (entry.host === url.hostname && url.port === '') || entry.host === `${url.hostname}:${port}`);
}
