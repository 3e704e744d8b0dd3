// What a real provider needs before any call: a key when it asks for one, and the app for proxy calls.
// Light on purpose (no AI SDK), so a run can be refused before the provider code is loaded.
import type { ProviderModelSettings } from '../playground/schema';
import { originOf } from './key-origin';
import { PRESETS, PROVIDERS } from './presets';
import { ModelError } from './types';

/** Whether these settings' server normally wants a key. A preset is only a name: it asks for one only at its own address. */
export function wantsKey(settings: ProviderModelSettings): boolean {
  if (settings.provider !== 'openai-compatible') return PROVIDERS[settings.provider].keyRequired;
  const preset = PRESETS[settings.preset];
  return preset.keyRequired && originOf(settings.baseURL) === originOf(preset.baseURL);
}

/** Returns the trimmed key (maybe empty); throws a ModelError saying what is missing. */
export function checkProviderSettings(settings: ProviderModelSettings, ctx: { apiKey?: string; pageOrigin?: string }): string {
  const info = PROVIDERS[settings.provider];
  const apiKey = ctx.apiKey?.trim() ?? '';
  const viaProxy = settings.via === 'proxy';
  if (viaProxy && !ctx.pageOrigin) throw new ModelError('calls “through this app’s server” need the app: use “from the browser” settings here');
  const preset = settings.provider === 'openai-compatible' ? settings.preset : undefined;
  if (!viaProxy && !apiKey && wantsKey(settings)) {
    throw new ModelError(
      ctx.pageOrigin
        ? `${preset ? PRESETS[preset].label : info.label} needs an API key: enter it in Settings → Model (${info.keyHelp}). It stays in this browser.`
        : `${info.label} needs an API key: set ${info.envKey}.`,
    );
  }
  return apiKey;
}
