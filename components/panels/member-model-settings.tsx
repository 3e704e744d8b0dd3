'use client';
// A team member's model: the main model's, or its own (replay, manual or a real provider, with the main model's fields
// and key rules). Settings of a model left are kept aside while this page is open, so switching back loses nothing.
import { useId, useRef, useState } from 'react';
import { keyOriginOf } from '@/lib/models/key-origin';
import type { ManagedAgentSettings, ModelSettings as Model, ProviderModelSettings, RealProvider } from '@/lib/playground/schema';
import { isProviderModel } from '@/lib/models/presets';
import { describeRecorded } from '@/lib/models/replay-responses';
import { defaultProviderModel, usePlaygroundStore } from '@/lib/store/playground-store';
import { acceptForCurrent } from '@/lib/store/trust-store';
import { modelAddressId } from '@/lib/trust/contact-addresses';
import { firstProblem } from './member-problem';
import { ModelSettings, type ModelPatch } from './model-settings';
import { ToolCallFormatField } from './tool-call-format-field';

type Choice = 'main' | Model['provider'];

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'main', label: 'Same as the main model' },
  { value: 'replay', label: 'Replay (recorded responses)' },
  { value: 'manual', label: 'Manual (you are the model)' },
  { value: 'openai', label: 'OpenAI' },
  { value: 'anthropic', label: 'Anthropic' },
  { value: 'google', label: 'Google' },
  { value: 'openai-compatible', label: 'OpenAI-compatible (Ollama, LM Studio, vLLM…)' },
];

export function MemberModelSettings({ member, index }: { member: ManagedAgentSettings; index: number }) {
  const id = useId();
  const mainModel = usePlaygroundStore((s) => s.doc.model);
  const { updateManagedAgent } = usePlaygroundStore.getState();
  const stash = useRef<Partial<Record<Model['provider'], Model>>>({});
  const [error, setError] = useState<string>();
  const model = member.model;

  const setModel = (next: Model | undefined) => {
    const result = updateManagedAgent(index, { model: next });
    setError(result.ok ? undefined : firstProblem(result.problems, 'model'));
    return result.ok;
  };
  const choose = (choice: Choice) => {
    if (model) stash.current[model.provider] = model;
    if (choice === 'main') return setModel(undefined);
    if (choice === 'openai' || choice === 'anthropic' || choice === 'google') {
      // Picking a provider by hand accepts its own address, as for the main model.
      const origin = keyOriginOf({ provider: choice });
      if (origin) acceptForCurrent([modelAddressId(origin)]);
    }
    setModel(stash.current[choice] ?? firstModel(choice, mainModel));
  };
  const onChange = (patch: ModelPatch) => {
    if (model && isProviderModel(model)) setModel({ ...model, ...patch } as ProviderModelSettings);
  };

  return (
    <div className="space-y-3" data-testid="member-model-settings">
      <div className="space-y-1">
        <label htmlFor={`${id}-model`} className="label block">
          Model provider
        </label>
        <select
          id={`${id}-model`}
          className="field w-auto max-w-80"
          value={model?.provider ?? 'main'}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-model-help`}
          onChange={(e) => choose(e.target.value as Choice)}
        >
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <p id={`${id}-model-help`} className={`text-xs ${error ? 'text-red-800 dark:text-red-300' : 'muted'}`} role={error ? 'alert' : undefined}>
          {error ?? help(model)}
        </p>
      </div>
      {model && isProviderModel(model) && <ModelSettings value={model} onChange={onChange} keyInputId={`${id}-key`} />}
      {model && !isProviderModel(model) && <ToolCallFormatField value={model.toolCallFormat} onChange={(toolCallFormat) => setModel({ ...model, toolCallFormat })} />}
    </div>
  );
}

function help(model: Model | undefined): string {
  if (!model) return 'It calls the same model as the main agent, with the same key.';
  if (model.provider === 'replay') return `${describeRecorded(model.responses)} of its own, played in order (recorded runs and imported playgrounds bring them).`;
  if (model.provider === 'manual') return 'You write its turns, as for the main agent.';
  return 'Its own model: its address is reviewed like the main model’s, and it gets only the key entered for that address.';
}

/** A model newly chosen for a member: a real provider the main model also uses starts from the main model's settings. */
function firstModel(provider: Model['provider'], main: Model): Model {
  if (provider === 'replay') return { provider: 'replay', responses: [], delayMs: 0 };
  if (provider === 'manual') return { provider: 'manual' };
  return main.provider === provider ? main : defaultProviderModel(provider as RealProvider);
}
