'use client';
// The model's name, with the models the server offers (OpenAI-compatible) or the well-known ones (other providers) as suggestions.
import { useId } from 'react';
import { keyOriginOf } from '@/lib/models/key-origin';
import { PROVIDERS } from '@/lib/models/presets';
import { DEFAULT_PRICES } from '@/lib/models/prices';
import { modelSettingsSchema, type ProviderModelSettings } from '@/lib/playground/schema';
import { useKeyStore } from '@/lib/store/key-store';
import { useAddressAllowed } from '@/lib/store/trust-store';
import { modelAddressId } from '@/lib/trust/contact-addresses';
import { CheckedTextField, checkText } from './checked-text-field';
import { useModelList, type ModelListState } from './use-model-list';

const modelName = modelSettingsSchema.options[2].shape.model;

export function ModelNameField({ settings, onChange }: { settings: ProviderModelSettings; onChange: (patch: { model: string }) => void }) {
  const listId = useId();
  const origin = keyOriginOf(settings);
  const apiKey = useKeyStore((s) => (origin ? s.keys[origin] : undefined));
  // A playground from outside: its server is not asked for anything until its address is accepted.
  const allowed = useAddressAllowed(origin ? modelAddressId(origin) : undefined);
  const compatible = settings.provider === 'openai-compatible';
  const { list, refresh } = useModelList(compatible && allowed ? { baseURL: settings.baseURL, via: settings.via, ...(apiKey ? { apiKey } : {}) } : undefined);
  const suggestions = compatible ? (list.status === 'ok' ? list.models : []) : knownModels(settings.provider);
  return (
    <div className="space-y-1">
      <CheckedTextField
        label="Model"
        value={settings.model}
        check={(text) => checkText(modelName, text)}
        onCommit={(model) => onChange({ model })}
        placeholder={PROVIDERS[settings.provider].exampleModel}
        list={listId}
        className="field max-w-80 font-mono"
        help={
          compatible ? (
            allowed ? (
              <ListStatus list={list} />
            ) : (
              <span data-testid="model-list-held">This playground came from outside: its server is not asked for its models until you accept its addresses (Trust and enable, above).</span>
            )
          ) : (
            'Any model name the provider accepts; the list suggests well-known ones.'
          )
        }
        after={
          compatible &&
          allowed && (
            <button type="button" className="btn whitespace-nowrap" onClick={refresh}>
              List models
            </button>
          )
        }
      />
      <datalist id={listId} data-testid="model-suggestions">
        {suggestions.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </div>
  );
}

function ListStatus({ list }: { list: ModelListState }) {
  switch (list.status) {
    case 'idle':
      return 'The models the server offers are suggested here.';
    case 'loading':
      return <span role="status">Asking the server for its models…</span>;
    case 'ok':
      return (
        <span role="status" data-testid="model-list-status">
          {list.models.length ? `The server offers ${list.models.length} model${list.models.length === 1 ? '' : 's'}: ${shortList(list.models)}.` : 'The server lists no models: type the name.'}
        </span>
      );
    case 'error':
      return (
        <span role="alert" data-testid="model-list-error" className="whitespace-pre-wrap text-red-800 dark:text-red-300">
          Could not list the models: {list.message}
        </span>
      );
  }
}

function shortList(models: string[], shown = 6): string {
  return models.length > shown ? `${models.slice(0, shown).join(', ')} and ${models.length - shown} more (all in the suggestions)` : models.join(', ');
}

function knownModels(provider: ProviderModelSettings['provider']): string[] {
  const prefix = `${provider}:`;
  return Object.keys(DEFAULT_PRICES)
    .filter((id) => id.startsWith(prefix))
    .map((id) => id.slice(prefix.length));
}
