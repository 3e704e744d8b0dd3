'use client';
// A button that opens a panel under it (the browser's popover: Escape and a click outside close it).
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function PopoverPanel({ label, title, children, className = '' }: { label: ReactNode; title: string; children: ReactNode; className?: string }) {
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const panel = panelRef.current;
    const button = buttonRef.current;
    if (!panel || !button) return;
    const onToggle = (e: Event) => {
      if ((e as ToggleEvent).newState !== 'open') return;
      const r = button.getBoundingClientRect();
      panel.style.top = `${r.bottom + 4}px`;
      panel.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - panel.offsetWidth - 8))}px`;
      panel.querySelector<HTMLElement>('button:not(:disabled), input:not(:disabled)')?.focus();
    };
    panel.addEventListener('toggle', onToggle);
    return () => panel.removeEventListener('toggle', onToggle);
  }, []);

  return (
    <>
      <button ref={buttonRef} type="button" className="btn" popoverTarget={id} aria-haspopup="dialog">
        {label}
      </button>
      <div
        ref={panelRef}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={title}
        className={`card fixed inset-auto m-0 max-h-[80vh] overflow-y-auto p-3 text-sm text-zinc-900 shadow-lg dark:text-zinc-100 ${className}`}
      >
        {children}
      </div>
    </>
  );
}

/** Closes the popover panel around `element`. */
export function closePanelOf(element: Element | null): void {
  const panel = element?.closest<HTMLElement>('[popover]');
  if (panel?.matches(':popover-open')) panel.hidePopover();
}
