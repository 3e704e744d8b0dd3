'use client';
// Phone-sized screens show one column at a time: this switch picks the playground or the run. Hidden at `lg` and wider.
import type { KeyboardEvent } from 'react';
import { useUiStore, type PhoneView } from '@/lib/store/ui-store';

export const VIEW_SECTION_ID: Record<PhoneView, string> = { playground: 'view-playground', run: 'view-run' };

const VIEWS: { id: PhoneView; label: string }[] = [
  { id: 'playground', label: 'Playground' },
  { id: 'run', label: 'Run' },
];

export function ViewSwitch() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = view === 'playground' ? 'run' : 'playground';
    setView(next);
    document.getElementById(`view-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="View" className="grid grid-cols-2 gap-1 border-b border-zinc-200 bg-zinc-100 p-1 lg:hidden dark:border-zinc-800 dark:bg-zinc-900" onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v.id}
          id={`view-tab-${v.id}`}
          role="tab"
          type="button"
          aria-selected={view === v.id}
          aria-controls={VIEW_SECTION_ID[v.id]}
          tabIndex={view === v.id ? 0 : -1}
          onClick={() => setView(v.id)}
          className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
            view === v.id ? 'bg-white text-blue-800 shadow-sm dark:bg-zinc-700 dark:text-white' : 'text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white'
          }`}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
