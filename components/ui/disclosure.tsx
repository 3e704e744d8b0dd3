'use client';
// A titled section that opens and closes, keyboard and screen-reader friendly.
import { useId, useState, type ReactNode } from 'react';

export function Disclosure({
  title,
  children,
  defaultOpen = false,
  openSignal,
  className = '',
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  /** Opens the section whenever it changes to a new value (a link asked for what it holds). */
  openSignal?: number;
  className?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(defaultOpen || openSignal !== undefined);
  const [signal, setSignal] = useState(openSignal);
  if (openSignal !== signal) {
    setSignal(openSignal);
    if (openSignal !== undefined) setOpen(true);
  }
  const id = useId();
  return (
    <div className={className} data-testid={testId}>
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} className="btn-ghost flex items-center gap-1 text-sm font-medium">
        <span aria-hidden className={`inline-block transition-transform ${open ? 'rotate-90' : ''}`}>
          ▸
        </span>
        {title}
      </button>
      {open && (
        <div id={id} className="mt-2">
          {children}
        </div>
      )}
    </div>
  );
}
