// API keys for the CLI, from the environment variables each provider's own tools use.
import { OPENAI_COMPATIBLE_PRESETS } from '../playground/schema';
import { PROVIDERS } from '../models/presets';

/** Keys by key slot, as createAgentFromPlayground takes them. Empty variables count as unset. */
export function keysFromEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const keys: Record<string, string> = {};
  const read = (name: string) => env[name]?.trim() || undefined;
  for (const provider of ['openai', 'anthropic', 'google'] as const) {
    const key = read(PROVIDERS[provider].envKey);
    if (key) keys[provider] = key;
  }
  const compatible = read(PROVIDERS['openai-compatible'].envKey);
  if (compatible) for (const preset of OPENAI_COMPATIBLE_PRESETS) keys[`openai-compatible:${preset}`] = compatible;
  return keys;
}
