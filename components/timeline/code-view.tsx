'use client';
// Read-only, highlighted code with line numbers; the line of an error is marked.
import { memo, useMemo } from 'react';
import { highlightJs } from './highlight-js';

export const CodeView = memo(function CodeView({ code, errorLine, label }: { code: string; errorLine?: number; label: string }) {
  const lines = useMemo(() => highlightJs(code), [code]);
  return (
    <pre tabIndex={0} data-testid="step-code" aria-label={label} className="mono-block whitespace-pre! p-0! py-2!">
      <code className="block min-w-fit">
        {lines.map((spans, i) => {
          const isError = i + 1 === errorLine;
          return (
            <span
              key={i}
              data-line={i + 1}
              data-error-line={isError ? 'true' : undefined}
              className={`block px-2 ${isError ? 'bg-red-100 dark:bg-red-950' : ''}`}
            >
              <span aria-hidden className="inline-block w-7 pr-2 text-right text-zinc-500 select-none dark:text-zinc-400">
                {isError ? '✗' : i + 1}
              </span>
              {spans.map((s, j) => (
                <span key={j} className={s.cls === 'plain' || s.cls === 'punct' ? undefined : `tok-${s.cls}`}>
                  {s.text}
                </span>
              ))}
              {isError && <span className="sr-only"> (the error is on this line)</span>}
            </span>
          );
        })}
      </code>
    </pre>
  );
});
