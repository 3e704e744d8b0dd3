'use client';
// One side's prompt version: the playground's prompts, the built-in ones, or its own edit of the system prompt.
import { useId, useState } from 'react';
import { checkTemplate, DEFAULT_PROMPT_TEMPLATES, type PromptTemplateId } from '@/lib/agent/prompts/templates';
import { builtInPromptsSetup, type CompareSetup } from '@/lib/runner/compare-setup';
import { usePlaygroundStore } from '@/lib/store/playground-store';

type PromptVersion = 'playground' | 'built-in' | 'edited';

function versionOf(setup: CompareSetup): PromptVersion {
  const entries = Object.entries(setup.promptTemplates ?? {});
  if (!entries.length) return 'playground';
  return entries.every(([id, text]) => text === DEFAULT_PROMPT_TEMPLATES[id as PromptTemplateId]) ? 'built-in' : 'edited';
}

export function PromptVersionPicker({ name, setup, onChange }: { name: string; setup: CompareSetup; onChange: (setup: CompareSetup) => void }) {
  const doc = usePlaygroundStore((s) => s.doc);
  const errorId = useId();
  const systemId: PromptTemplateId = (setup.type ?? doc.agent.type) === 'code' ? 'codeAgentSystem' : 'toolCallingAgentSystem';
  const current = setup.promptTemplates?.[systemId] ?? doc.agent.promptTemplates?.[systemId] ?? DEFAULT_PROMPT_TEMPLATES[systemId];
  const [draft, setDraft] = useState(current);
  const [error, setError] = useState<string>();
  // Kept apart from the setup: an edit that starts as the built-in text is still an edit.
  const [version, setVersion] = useState<PromptVersion>(() => versionOf(setup));
  const { promptTemplates: _old, ...withoutPrompts } = setup;

  const choose = (next: PromptVersion) => {
    setVersion(next);
    setError(undefined);
    if (next === 'playground') onChange(withoutPrompts);
    else if (next === 'built-in') onChange(builtInPromptsSetup(setup, doc));
    else {
      setDraft(current);
      onChange({ ...withoutPrompts, promptTemplates: { [systemId]: current } });
    }
  };
  const edit = (text: string) => {
    setDraft(text);
    const problem = checkTemplate(systemId, text);
    setError(problem);
    if (!problem) onChange({ ...withoutPrompts, promptTemplates: { [systemId]: text } });
  };

  return (
    <>
      <select className="field w-auto" aria-label={`Prompts of ${name}`} value={version} onChange={(e) => choose(e.target.value as PromptVersion)}>
        <option value="playground">Playground&apos;s prompts</option>
        <option value="built-in">Built-in prompts</option>
        <option value="edited">Edited system prompt</option>
      </select>
      {version === 'edited' && (
        <div className="basis-full space-y-1">
          <textarea
            className="field min-h-24 font-mono text-xs"
            rows={6}
            spellCheck={false}
            aria-label={`System prompt of ${name}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            value={draft}
            onChange={(e) => edit(e.target.value)}
          />
          {error && (
            <p id={errorId} role="alert" className="text-xs text-red-700 dark:text-red-400">
              {error} (the comparison uses the last valid text)
            </p>
          )}
        </div>
      )}
    </>
  );
}
