// A banner for things the person must know (a recovered save, a failed start), with optional actions.
import type { ReactNode } from 'react';

const TONES = {
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
};

export function Notice({ tone, children, actions, testId }: { tone: keyof typeof TONES; children: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <div role={tone === 'info' ? 'status' : 'alert'} data-testid={testId} className={`flex flex-wrap items-start gap-3 rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}>
      <div className="min-w-0 flex-1 whitespace-pre-wrap">{children}</div>
      {actions && <div className="flex shrink-0 gap-2">{actions}</div>}
    </div>
  );
}
