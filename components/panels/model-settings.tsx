'use client';
// Settings → Model, for a real provider: the server and its address, the model, the key, how calls go, limits and price.
// The same fields edit the main model (from the store) and a team member's own model (value + onChange).
import { useId } from 'react';
import { originOf } from '@/lib/models/key-origin';
import { modelIdOf, PRESETS, PROVIDERS } from '@/lib/models/presets';
import { acceptForCurrent } from '@/lib/store/trust-store';
import { modelAddressId } from '@/lib/trust/contact-addresses';
import { modelSettingsSchema, OPENAI_COMPATIBLE_PRESETS, type OpenAICompatiblePreset, type ProviderModelSettings } from '@/lib/playground/schema';
import { isProviderModel } from '@/lib/models/presets';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { CheckedTextField, checkText } from './checked-text-field';
import { API_KEY_INPUT_ID, KeyField } from './key-field';
import { ModelNameField } from './model-name-field';
import { NumberField, ruleOf } from './number-field';
import { PriceEditor } from './price-editor';
import { ToolCallFormatField } from './tool-call-format-field';

const providerShape = modelSettingsSchema.options[2].shape;
const baseURLSchema = modelSettingsSchema.options[5].shape.baseURL;
const timeoutRule = ruleOf(providerShape.timeoutMs.unwrap());
const TIMEOUT_SECONDS = { min: Math.ceil(timeoutRule.min / 1000), max: Math.floor(timeoutRule.max / 1000) };
const RETRIES = ruleOf(providerShape.maxRetries.unwrap());

/** A change to some fields of a real provider's settings. */
export type ModelPatch = Partial<ProviderModelSettings>;
type OnChange = (patch: ModelPatch) => void;

/** Settings → Model: the main model's settings, when it is a real provider. */
export function MainModelSettings() {
  const model = usePlaygroundStore((s) => s.doc.model);
  const updateProviderModel = usePlaygroundStore((s) => s.updateProviderModel);
  if (!isProviderModel(model)) return null;
  return (
    <fieldset className="space-y-3" data-testid="model-settings">
      <legend className="text-sm font-semibold">Model</legend>
      <ModelSettings value={model} onChange={updateProviderModel} keyInputId={API_KEY_INPUT_ID} />
    </fieldset>
  );
}

/** The fields of one real provider's settings; `keyInputId` must be unique on the page. */
export function ModelSettings({ value: model, onChange, keyInputId }: { value: ProviderModelSettings; onChange: OnChange; keyInputId: string }) {
  return (
    <>
      <p className="muted text-sm">{PROVIDERS[model.provider].label}, called with the AI SDK.</p>
      {model.provider === 'openai-compatible' && <ServerFields settings={model} onChange={onChange} />}
      <ModelNameField settings={model} onChange={onChange} />
      <ToolCallFormatField value={model.toolCallFormat} onChange={(toolCallFormat) => onChange({ toolCallFormat })} />
      <KeyField settings={model} inputId={keyInputId} />
      <CallField settings={model} onChange={onChange} />
      <NumberField
        label="Timeout (seconds without output)"
        value={Math.round(model.timeoutMs / 1000)}
        rule={TIMEOUT_SECONDS}
        onCommit={(n) => onChange({ timeoutMs: (n ?? model.timeoutMs / 1000) * 1000 })}
        help="The call is given up when the model sends nothing for this long. Local servers may need longer to load a model."
      />
      <NumberField
        label="Retries on 429/5xx"
        value={model.maxRetries}
        rule={RETRIES}
        onCommit={(n) => onChange({ maxRetries: n ?? model.maxRetries })}
        help="Rate limits (429) and server errors (5xx) are tried again after the wait the server asks for, or 1 s, 2 s, 4 s …"
      />
      <PriceEditor key={modelIdOf(model)} modelId={modelIdOf(model)} />
    </>
  );
}

type CompatibleSettings = Extract<ProviderModelSettings, { provider: 'openai-compatible' }>;

function ServerFields({ settings, onChange: updateProviderModel }: { settings: CompatibleSettings; onChange: OnChange }) {
  const id = useId();
  const choose = (preset: OpenAICompatiblePreset) => {
    if (preset === 'custom') return updateProviderModel({ preset } as Partial<ProviderModelSettings>);
    // Choosing a server by hand is accepting its address.
    acceptTyped(PRESETS[preset].baseURL);
    updateProviderModel({ preset, baseURL: PRESETS[preset].baseURL } as Partial<ProviderModelSettings>);
  };
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={id} className="label block">
          Server
        </label>
        <select id={id} className="field max-w-80" value={settings.preset} aria-describedby={`${id}-hint`} onChange={(e) => choose(e.target.value as OpenAICompatiblePreset)}>
          {OPENAI_COMPATIBLE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESETS[p].label}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="muted text-xs" data-testid="server-hint">
          Set-up: {PRESETS[settings.preset].setup}
        </p>
      </div>
      <CheckedTextField
        label="Base URL"
        value={settings.baseURL}
        check={(text) => checkText(baseURLSchema, text)}
        onCommit={(baseURL) => {
          acceptTyped(baseURL);
          updateProviderModel({ baseURL } as Partial<ProviderModelSettings>);
        }}
        placeholder="http://localhost:11434/v1"
        className="field max-w-96 font-mono"
        help="The address of the server’s OpenAI-compatible API, usually ending in /v1."
      />
    </>
  );
}

/** An address the person typed or picked by hand counts as accepted for a playground from outside. */
export function acceptTyped(url: string): void {
  const origin = originOf(url);
  if (origin) acceptForCurrent([modelAddressId(origin)]);
}

function CallField({ settings, onChange: updateProviderModel }: { settings: ProviderModelSettings; onChange: OnChange }) {
  const id = useId();
  const options = [
    { via: 'browser' as const, label: 'From the browser', hint: 'The page calls the provider itself: the provider must allow calls from web pages (CORS).' },
    {
      via: 'proxy' as const,
      label: 'Through this app’s server',
      hint: `This app’s server passes the call on; it may hold its own key (${PROVIDERS[settings.provider].envKey}), so yours may stay empty.`,
    },
  ];
  return (
    <fieldset className="space-y-1" role="radiogroup" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="label">
        Call
      </legend>
      {options.map((o) => (
        <div key={o.via}>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-via`} value={o.via} checked={settings.via === o.via} aria-describedby={`${id}-${o.via}`} onChange={() => updateProviderModel({ via: o.via })} />
            {o.label}
          </label>
          <p id={`${id}-${o.via}`} className="muted pl-6 text-xs">
            {o.hint}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
