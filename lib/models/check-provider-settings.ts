// What a real provider needs before any call: a key when it asks for one, and the app for proxy calls.
// Light on purpose (no AI SDK), so a run can be refused before the provider code is loaded.
import type { ProviderModelSettings } from '../playground/schema';
import { PRESETS, PROVIDERS } from './presets';
import { ModelError } from './types';

/** Returns the trimmed key (maybe empty); throws a ModelError saying what is missing. */
export function checkProviderSettings(settings: ProviderModelSettings, ctx: { apiKey?: string; pageOrigin?: string }): string {
  const info = PROVIDERS[settings.provider];
  const apiKey = ctx.apiKey?.trim() ?? '';
  const viaProxy = settings.via === 'proxy';
  if (viaProxy && !ctx.pageOrigin) throw new ModelError('calls “through this app’s server” need the app: use “from the browser” settings here');
  const preset = settings.provider === 'openai-compatible' ? settings.preset : undefined;
  if (!viaProxy && !apiKey && (preset ? PRESETS[preset].keyRequired : info.keyRequired)) {
    throw new ModelError(
      ctx.pageOrigin
        ? `${preset ? PRESETS[preset].label : info.label} needs an API key: enter it in Settings → Model (${info.keyHelp}). It stays in this browser.`
        : `${info.label} needs an API key: set ${info.envKey}.`,
    );
  }
  return apiKey;
}
