'use client';
// Copies a text to the clipboard and says so. The button's text never changes (its name, e.g. "Copy the link", always
// contains the "Copy" it shows); the outcome appears beside it in a polite live region.
import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1_500);
  };
  return (
    <span className="inline-flex shrink-0 items-center gap-1">
      <button type="button" onClick={() => void copy()} aria-label={label} className="btn-ghost text-xs">
        Copy
      </button>
      <span aria-live="polite" className={`text-xs ${state === 'failed' ? 'text-red-800 dark:text-red-300' : 'muted'}`}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </span>
  );
}
