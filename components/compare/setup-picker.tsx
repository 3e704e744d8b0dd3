'use client';
// One side's setup: the agent type and, optionally, another model or another prompt version.
import type { CompareSetup } from '@/lib/runner/compare-setup';
import { PromptVersionPicker } from './prompt-version-picker';

export function SetupPicker({ name, setup, onChange, disabled }: { name: string; setup: CompareSetup; onChange: (setup: CompareSetup) => void; disabled: boolean }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-2" disabled={disabled}>
      <legend className="sr-only">Setup {name}</legend>
      <span className="font-semibold">{name}</span>
      <select className="field w-auto" aria-label={`Agent type of ${name}`} value={setup.type ?? 'code'} onChange={(e) => onChange({ ...setup, type: e.target.value as 'code' | 'tool-calling' })}>
        <option value="code">CodeAgent</option>
        <option value="tool-calling">ToolCallingAgent</option>
      </select>
      <input
        className="field w-48"
        aria-label={`Model of ${name}`}
        placeholder="same model (or e.g. openai:gpt-4.1)"
        value={setup.model ?? ''}
        onChange={(e) => {
          const { model: _old, ...rest } = setup;
          onChange(e.target.value.trim() ? { ...rest, model: e.target.value.trim() } : rest);
        }}
      />
      <PromptVersionPicker name={name} setup={setup} onChange={onChange} />
    </fieldset>
  );
}
