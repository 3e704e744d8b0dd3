'use client';
// A number input checked against the document's schema: a bad value is kept in the box with a message, never saved.
import { useId, useState } from 'react';
import type { z } from 'zod';

export interface NumberRule {
  min: number;
  max: number;
}

/** The bounds of a zod number schema (through its default and nullable wrappers). */
export function ruleOf(schema: z.ZodNumber): NumberRule {
  return { min: schema.minValue ?? Number.MIN_SAFE_INTEGER, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export function checkWhole(text: string, { min, max }: NumberRule): { ok: true; value: number } | { ok: false; message: string } {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    return { ok: false, message: `Enter a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.` };
  }
  return { ok: true, value };
}

export function NumberField({
  label,
  value,
  rule,
  onCommit,
  help,
  emptyMeans,
}: {
  label: string;
  value: number | null;
  rule: NumberRule;
  onCommit: (value: number | null) => void;
  help?: string;
  /** When set, an empty box is allowed and means null (e.g. "off"). */
  emptyMeans?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The document changed from elsewhere (an example was loaded, or this box committed): show its value.
    setShown(value);
    const text = value === null ? '' : String(value);
    if (draft.trim() !== text) {
      setDraft(text);
      setError(undefined);
    }
  }

  const onChange = (text: string) => {
    setDraft(text);
    if (emptyMeans !== undefined && text.trim() === '') {
      setError(undefined);
      return onCommit(null);
    }
    const checked = checkWhole(text, rule);
    if (!checked.ok) return setError(checked.message);
    setError(undefined);
    onCommit(checked.value);
  };

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label block">
        {label}
      </label>
      <input
        id={id}
        className="field max-w-48"
        inputMode="numeric"
        value={draft}
        placeholder={emptyMeans}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-help`} className={`text-xs ${error ? 'text-red-800 dark:text-red-300' : 'muted'}`}>
        {error ?? help}
      </p>
    </div>
  );
}
