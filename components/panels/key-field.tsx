'use client';
// The API key for the address the model calls: kept in memory (or, when asked, in this browser's storage), never in the
// document, and sent to that origin only.
import { useId } from 'react';
import { wantsKey } from '@/lib/models/check-provider-settings';
import { keyOriginOf } from '@/lib/models/key-origin';
import { PRESETS, PROVIDERS } from '@/lib/models/presets';
import type { ProviderModelSettings } from '@/lib/playground/schema';
import { useKeyStore } from '@/lib/store/key-store';
import { RememberSecret, SecretInput } from './secret-input';

/** The id of the key input, so "Add key" can bring the focus to it. */
export const API_KEY_INPUT_ID = 'model-api-key';

/** Whether these settings can't be used without a key from the browser (the proxy may hold its own). */
export function needsBrowserKey(settings: ProviderModelSettings): boolean {
  if (settings.via === 'proxy') return false;
  return wantsKey(settings);
}

/** `inputId`: the main model's is API_KEY_INPUT_ID; a team member's its own. */
export function KeyField({ settings, inputId = API_KEY_INPUT_ID }: { settings: ProviderModelSettings; inputId?: string }) {
  const helpId = useId();
  // The key belongs to where the calls go; a base URL that is not an address yet has no key.
  const slot = keyOriginOf(settings) ?? '';
  const remembered = useKeyStore((s) => slot !== '' && s.remembered[slot] === true);
  const required = needsBrowserKey(settings);
  const label = settings.provider === 'openai-compatible' ? PRESETS[settings.preset].label : PROVIDERS[settings.provider].label;
  const placeholder =
    settings.via === 'proxy'
      ? 'Optional: this app’s server may hold its own key'
      : required
        ? `Needed: paste your ${label} key`
        : 'Not needed unless the server asks for one';

  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="label block">
        API key
      </label>
      <SecretInput id={inputId} origin={slot} placeholder={placeholder} describedBy={`${helpId}-where ${helpId}`} forgetLabel="Forget key" />
      <p id={`${helpId}-where`} className="text-xs" data-testid="key-origin">
        {slot ? (
          <>
            This key is sent only to <span className="font-mono font-medium">{slot}</span>
            {settings.via === 'proxy' ? ' (through this app’s server)' : ''}.
          </>
        ) : (
          'Enter a valid base URL first: a key belongs to one address.'
        )}
      </p>
      <RememberSecret origin={slot} label="Remember on this device" />
      <div id={helpId} className="muted space-y-0.5 text-xs">
        <p>{settings.provider === 'openai-compatible' ? `A key: ${PROVIDERS[settings.provider].keyHelp}.` : `Get one at ${PROVIDERS[settings.provider].keyHelp}.`}</p>
        <p>
          The key stays in this browser and never goes into links, exports or traces
          {remembered ? '; it is remembered in this browser’s storage until you forget it.' : '; it is forgotten when you close the tab.'}
        </p>
      </div>
    </div>
  );
}
