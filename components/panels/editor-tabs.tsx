'use client';
// The left side: Task, Tools, Settings and Prompt, as accessible tabs.
import { useRef, type KeyboardEvent } from 'react';
import { useUiStore, type EditorTab } from '@/lib/store/ui-store';
import { useScrollMemory } from '../ui/use-scroll-memory';
import { useWideLayout } from '../ui/use-wide-layout';
import { PromptPanel } from './prompt-panel';
import { SettingsPanel } from './settings-panel';
import { TaskPanel } from './task-panel';
import { ToolsPanel } from './tools-panel';

const TABS: { id: EditorTab; label: string }[] = [
  { id: 'task', label: 'Task' },
  { id: 'tools', label: 'Tools' },
  { id: 'settings', label: 'Settings' },
  { id: 'prompt', label: 'Prompt' },
];

export function EditorTabs({ toolErrors }: { toolErrors: number }) {
  const tab = useUiStore((s) => s.tab);
  const setTab = useUiStore((s) => s.setTab);
  const panelRef = useRef<HTMLDivElement>(null);
  // Each tab keeps its own scroll position; on a phone the page scrolls instead (the playground remembers it there).
  useScrollMemory(tab, panelRef, useWideLayout());
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    document.getElementById(`tab-${TABS[next]!.id}`)?.focus();
  };
  return (
    <div className="flex flex-col lg:h-full lg:min-h-0">
      {/* On a phone the tabs stick under the top bar, so another tab is one tap away however far down this one is. */}
      <div role="tablist" aria-label="Playground" className="sticky top-(--top-bar) z-20 flex gap-1 border-b border-zinc-200 bg-white px-3 lg:static dark:border-zinc-800 dark:bg-zinc-950" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-label={t.id === 'tools' && toolErrors > 0 ? `Tools, ${toolErrors} ${toolErrors === 1 ? 'error' : 'errors'}` : undefined}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === t.id ? 'border-blue-700 text-blue-800 dark:border-blue-400 dark:text-blue-200' : 'border-transparent text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white'
            }`}
          >
            {t.label}
            {/* The space keeps the visible text "Tools 1" (not "Tools1") a part of the name "Tools, 1 error". */}
            {t.id === 'tools' && toolErrors > 0 && (
              <>
                {' '}
                <span className="ml-0.5 rounded-full bg-red-700 px-1.5 text-xs text-white" aria-hidden="true">
                  {toolErrors}
                </span>
              </>
            )}
          </button>
        ))}
      </div>
      <div ref={panelRef} id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="p-3 lg:min-h-0 lg:flex-1 lg:overflow-y-auto">
        {tab === 'task' && <TaskPanel />}
        {tab === 'tools' && <ToolsPanel />}
        {tab === 'settings' && <SettingsPanel />}
        {tab === 'prompt' && <PromptPanel />}
      </div>
    </div>
  );
}
