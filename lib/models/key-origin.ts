// Where a key goes: every stored key belongs to one origin (scheme, host, port) and is sent to that origin only.
// A document can name any address; it can never choose which key is sent there.
import { OPENAI_COMPATIBLE_PRESETS, type OpenAICompatiblePreset, type ProviderModelSettings } from '../playground/schema';
import { PRESETS, PROVIDERS } from './presets';

/** `https://api.openai.com`, `http://localhost:11434`; undefined when the text is not an http(s) address. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.origin;
  } catch {
    return undefined;
  }
}

/** The address these settings call (the provider's own, or the server's base URL); `baseURL` overrides a fixed provider's (CLI). */
export function modelAddress(settings: Pick<ProviderModelSettings, 'provider'> & { baseURL?: string }, baseURL?: string): string | undefined {
  if (settings.provider === 'openai-compatible') return settings.baseURL;
  return baseURL ?? PROVIDERS[settings.provider].baseURL;
}

/** The origin whose key these settings use: the one the model's calls go to. */
export function keyOriginOf(settings: Pick<ProviderModelSettings, 'provider'> & { baseURL?: string }, baseURL?: string): string | undefined {
  const address = modelAddress(settings, baseURL);
  return address === undefined ? undefined : originOf(address);
}

/**
 * Keys stored by an earlier version were kept per provider or per kind of OpenAI-compatible server ("slots"). Each
 * moves to the preset's default address; a `custom` key's address is unknown, so it has none (it is dropped).
 */
export function originOfLegacySlot(slot: string): string | undefined {
  if (slot === 'openai' || slot === 'anthropic' || slot === 'google') return originOf(PROVIDERS[slot].baseURL!);
  const preset = /^openai-compatible:(.+)$/.exec(slot)?.[1];
  if (!preset || !(OPENAI_COMPATIBLE_PRESETS as readonly string[]).includes(preset)) return undefined;
  const address = PRESETS[preset as OpenAICompatiblePreset].baseURL;
  return address ? originOf(address) : undefined;
}
