// API keys for the CLI, from the environment variables each provider's own tools use, each bound to one origin.
import { BRAVE_SEARCH_ORIGIN } from '../builtins/web-search';
import { originOf } from '../models/key-origin';
import { PROVIDERS } from '../models/presets';
import type { RealProvider } from '../playground/schema';

export interface KeyTargets {
  /** `--base-url`: the address the person typed on the command line. */
  baseURL?: string;
  /** The provider whose key goes to `baseURL` (the --model flag's, or else the playground's own model's). */
  baseURLProvider?: RealProvider;
}

/**
 * Keys by origin, as createAgentFromPlayground takes them. OpenAI, Anthropic and Google keys go to their providers'
 * own addresses; a key also goes to `--base-url` for the provider it was given for. OPENAI_COMPATIBLE_API_KEY goes only
 * to `--base-url`: a playground file can name any server, and must not receive the key by naming one. Empty
 * variables count as unset.
 */
export function keysFromEnv(env: Readonly<Record<string, string | undefined>>, targets: KeyTargets = {}): Record<string, string> {
  const keys: Record<string, string> = {};
  const read = (provider: RealProvider) => env[PROVIDERS[provider].envKey]?.trim() || undefined;
  for (const provider of ['openai', 'anthropic', 'google'] as const) {
    const key = read(provider);
    const origin = originOf(PROVIDERS[provider].baseURL!);
    if (key && origin) keys[origin] = key;
  }
  // The built-in web_search's key goes to its API alone.
  const brave = env.BRAVE_SEARCH_API_KEY?.trim();
  if (brave) keys[BRAVE_SEARCH_ORIGIN] = brave;
  const typed = targets.baseURL ? originOf(targets.baseURL) : undefined;
  const key = targets.baseURLProvider ? read(targets.baseURLProvider) : undefined;
  if (typed && key) keys[typed] = key;
  return keys;
}
