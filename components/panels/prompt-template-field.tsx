'use client';
// One prompt template in the Prompt tab: its text (checked; a bad edit stays in the box and is not saved), its
// variables, Reset to default and a diff against the default.
import { useId, useState } from 'react';
import { checkTemplate, type PromptTemplateInfo } from '@/lib/agent/prompts/templates';
import { formatLineDiff, lineDiff } from '@/lib/text/line-diff';

export function PromptTemplateField({
  info,
  value,
  onCommit,
}: {
  info: PromptTemplateInfo;
  /** The document's text: the override or the default. */
  value: string;
  /** `undefined`: reset to the default. */
  onCommit: (text: string | undefined) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The document changed from elsewhere (Reset, another document): show its text.
    setShown(value);
    setDraft(value);
    setError(undefined);
  }
  const overridden = value !== info.defaultText;

  const onChange = (text: string) => {
    setDraft(text);
    const problem = checkTemplate(info.id, text);
    setError(problem);
    if (!problem && text !== value) onCommit(text);
  };

  const variables = info.variables.map((v) => `{{${v}}}`).join(', ');
  const required = info.required.map((v) => `{{${v}}}`).join(', ');
  return (
    <div className="space-y-1" data-testid="prompt-template">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="label">
          {info.label}
        </label>
        {overridden && <span className="muted text-xs">(edited)</span>}
        {overridden && (
          <button type="button" className="btn btn-ghost ml-auto text-xs" onClick={() => onCommit(undefined)} aria-label={`Reset to default: ${info.label}`}>
            Reset to default
          </button>
        )}
      </div>
      <textarea
        id={id}
        className="field min-h-32 font-mono text-xs"
        rows={8}
        value={draft}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-vars ${id}-check`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-vars`} className="muted text-xs">
        Variables: {variables}
        {required && `; required: ${required}`}
      </p>
      <p id={`${id}-check`} role={error ? 'alert' : undefined} className="text-xs text-red-800 dark:text-red-300">
        {error ? `${error}. Not saved.` : ''}
      </p>
      {overridden && (
        <details>
          <summary className="cursor-pointer text-xs">Show diff</summary>
          <pre tabIndex={0} className="mono-block text-xs" data-testid="prompt-template-diff" aria-label={`${info.label}: changes from the default`}>
            {formatLineDiff(lineDiff(info.defaultText, value))}
          </pre>
        </details>
      )}
    </div>
  );
}
