'use client';
// A text input checked against the document's schema: a bad value stays in the box with a message and is never saved.
import { useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';

export type TextCheck = { ok: true; value: string } | { ok: false; message: string };

/** Checks text with a zod string schema; the first problem's message, with a capital letter, explains a refusal. */
export function checkText(schema: z.ZodType<string>, text: string): TextCheck {
  const parsed = schema.safeParse(text);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? 'not a valid value';
  return { ok: false, message: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` };
}

export function CheckedTextField({
  label,
  value,
  check,
  onCommit,
  help,
  placeholder,
  list,
  after,
  className = 'field',
}: {
  label: string;
  value: string;
  check: (text: string) => TextCheck;
  onCommit: (value: string) => void;
  help?: ReactNode;
  placeholder?: string;
  /** The id of a datalist of suggestions. */
  list?: string;
  /** Shown beside the input (a button). */
  after?: ReactNode;
  className?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The document changed from elsewhere (a preset was chosen, or this box committed): show its value.
    setShown(value);
    if (draft.trim() !== value) {
      setDraft(value);
      setError(undefined);
    }
  }

  const onChange = (text: string) => {
    setDraft(text);
    const checked = check(text);
    if (!checked.ok) return setError(checked.message);
    setError(undefined);
    if (checked.value !== value) onCommit(checked.value);
  };

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label block">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          className={className}
          value={draft}
          list={list}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help`}
          onChange={(e) => onChange(e.target.value)}
        />
        {after}
      </div>
      <div id={`${id}-help`} className={`text-xs ${error ? 'text-red-800 dark:text-red-300' : 'muted'}`}>
        {error ?? help}
      </div>
    </div>
  );
}
