'use client';
// Title, saved playgrounds, examples, model, agent type, Run / Stop, share and export.
import { CompareButton } from '@/components/compare/compare-button';
import { PausedControls, StepThroughToggle } from './step-controls';
import Link from 'next/link';
import { useId, useState } from 'react';
import { keyOriginOf } from '@/lib/models/key-origin';
import type { ModelSettings } from '@/lib/playground/schema';
import { useKeyStore } from '@/lib/store/key-store';
import { isProviderModel } from '@/lib/models/presets';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { acceptForCurrent } from '@/lib/store/trust-store';
import { useUiStore } from '@/lib/store/ui-store';
import { modelAddressId } from '@/lib/trust/contact-addresses';
import { API_KEY_INPUT_ID, needsBrowserKey } from '../panels/key-field';
import { ExportMenu, LibraryMenu, ShareDialog } from '../share';
import { ExamplesMenu } from './examples-menu';
import { ThemeToggle } from './theme-toggle';

const MODEL_CHOICES: { value: ModelSettings['provider']; label: string }[] = [
  { value: 'replay', label: 'Replay (recorded responses)' },
  { value: 'manual', label: 'Manual (you are the model)' },
  { value: 'openai', label: 'OpenAI' },
  { value: 'anthropic', label: 'Anthropic' },
  { value: 'google', label: 'Google' },
  { value: 'openai-compatible', label: 'OpenAI-compatible (Ollama, LM Studio, vLLM…)' },
];

export function Header({ onRun }: { onRun: () => void }) {
  const title = usePlaygroundStore((s) => s.doc.title);
  const provider = usePlaygroundStore((s) => s.doc.model.provider);
  const agentType = usePlaygroundStore((s) => s.doc.agent.type);
  const { setTitle, updateAgent } = usePlaygroundStore.getState();
  const phase = useRunStore((s) => s.phase);
  const stop = useRunStore((s) => s.stop);
  const busy = phase !== 'idle';
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  // A run that starts closes More (its controls wait for the run), so the sticky header is one row again.
  const [wasBusy, setWasBusy] = useState(busy);
  if (busy !== wasBusy) {
    setWasBusy(busy);
    if (busy) setMoreOpen(false);
  }

  // The brand is shown from `2xl` (the heading is always there for screen readers), so the row fits at 1440 px.
  // Below `lg` the header is one row (title, More, Run); More shows the other controls in rows under it. At `lg` and
  // wider every control sits in the row as before: the groups are `display: contents` there, the same elements.
  const more = moreOpen ? 'flex' : 'hidden';
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 lg:gap-x-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <h1 className="sr-only text-base font-bold whitespace-nowrap 2xl:not-sr-only">Agent Playground</h1>
      <input className="field min-w-0 flex-1 font-medium lg:w-auto lg:min-w-40 lg:flex-auto lg:field-sizing-content" aria-label="Playground title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <button type="button" className="btn lg:hidden" aria-expanded={moreOpen} aria-controls={`${moreId}-a ${moreId}-b`} onClick={() => setMoreOpen(!moreOpen)}>
        More
      </button>
      <div id={`${moreId}-a`} className={`${more} order-last basis-full flex-wrap items-center gap-2 lg:contents`}>
        <LibraryMenu />
        <ExamplesMenu disabled={busy} />
        <select className="field w-auto max-w-56 lg:max-w-44" aria-label="Model" value={provider} disabled={busy} onChange={(e) => chooseModel(e.target.value as ModelSettings['provider'])}>
          {MODEL_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <AddKey />
        <select className="field w-auto" aria-label="Agent type" value={agentType} disabled={busy} onChange={(e) => updateAgent({ type: e.target.value as 'code' | 'tool-calling' })}>
          <option value="code">CodeAgent</option>
          <option value="tool-calling">ToolCallingAgent</option>
        </select>
      </div>
      <PausedControls />
      {!busy && <StepThroughToggle />}
      {busy ? (
        <button type="button" className="btn-danger" onClick={stop} disabled={phase === 'stopping'} aria-keyshortcuts="Escape">
          {phase === 'stopping' ? 'Stopping…' : 'Stop'}
        </button>
      ) : (
        <button type="button" className="btn-primary" onClick={onRun} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run (Ctrl+Enter)">
          <span aria-hidden="true">▶</span> Run
        </button>
      )}
      <div id={`${moreId}-b`} className={`${more} order-last basis-full flex-wrap items-center gap-2 lg:contents`}>
        <CompareButton disabled={busy} />
        <ShareDialog />
        <ExportMenu />
        <ThemeToggle />
        <Link href="/how-it-works" className="text-sm font-medium text-blue-800 underline hover:text-blue-950 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:hover:text-blue-100">How it works</Link>
      </div>
    </header>
  );
}

/** Picking OpenAI, Anthropic or Google by hand accepts that provider's own address (a playground from outside may then call it). */
function chooseModel(provider: ModelSettings['provider']): void {
  if (provider === 'openai' || provider === 'anthropic' || provider === 'google') {
    const origin = keyOriginOf({ provider });
    if (origin) acceptForCurrent([modelAddressId(origin)]);
  }
  usePlaygroundStore.getState().setModelProvider(provider);
}

/** Shown while the chosen provider needs a key this browser doesn't have: opens Settings at the key box. */
function AddKey() {
  const model = usePlaygroundStore((s) => s.doc.model);
  const slot = isProviderModel(model) ? keyOriginOf(model) : undefined;
  const hasKey = useKeyStore((s) => (slot ? Boolean(s.keys[slot]) : true));
  if (!isProviderModel(model) || hasKey || !needsBrowserKey(model)) return null;
  const open = () => {
    useUiStore.getState().setTab('settings');
    useUiStore.getState().setView('playground');
    // After the Settings tab has rendered, put the focus in the key box.
    requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(API_KEY_INPUT_ID)?.focus()));
  };
  return (
    <button type="button" className="text-sm font-medium text-blue-800 underline hover:text-blue-950 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:hover:text-blue-100" onClick={open}>
      Add key
    </button>
  );
}
