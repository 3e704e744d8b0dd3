'use client';
// A block of logs or observation, cut when long, with "show all".
import { useState } from 'react';
import { previewOf } from './step-text';

export function OutputBlock({ label, text, testId, tone = 'plain' }: { label: string; text: string; testId: string; tone?: 'plain' | 'error' }) {
  const [all, setAll] = useState(false);
  const { preview, cut } = previewOf(text);
  const lines = text.split('\n').length;
  return (
    <div role="group" aria-label={label} data-testid={testId}>
      <h3 className="muted text-xs font-semibold tracking-wide uppercase">{label}</h3>
      <pre tabIndex={0} className={`mono-block mt-1 max-h-[32rem] overflow-y-auto ${tone === 'error' ? 'text-red-800! dark:text-red-200!' : ''}`}>{all || !cut ? text : `${preview}…`}</pre>
      {cut && (
        <button type="button" className="btn-ghost mt-1 text-xs" onClick={() => setAll(!all)}>
          {all ? 'Show less' : `Show all (${lines.toLocaleString('en-US')} lines, ${text.length.toLocaleString('en-US')} characters)`}
        </button>
      )}
    </div>
  );
}
