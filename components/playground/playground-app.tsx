'use client';
// The playground: the document on the left, the run on the right. Loaded in the browser only (it reads local storage).
import { ComparePanel } from '@/components/compare/compare-panel';
import { useEffect, useState } from 'react';
import { useAnalysisStore } from '@/lib/store/analysis-store';
import { useLibraryStore } from '@/lib/store/library-store';
import { hydratePlaygroundStore, usePlaygroundStore } from '@/lib/store/playground-store';
import { hydrateOtlpStore } from '@/lib/store/otlp-store';
import { hydrateKeyStore } from '@/lib/store/key-store';
import { usePriceStore } from '@/lib/store/price-store';
import { runOpenPlayground } from '@/lib/store/run-playground';
import { hydrateTrustStore, reviewAllIfRecordUnreadable } from '@/lib/store/trust-store';
import { useUiStore } from '@/lib/store/ui-store';
import { useRunStore } from '@/lib/store/run-store';
import { ManualComposer } from '../manual/manual-composer';
import { UserQuestion } from '../timeline/user-question';
import { EditorTabs } from '../panels/editor-tabs';
import { Timeline } from '../timeline/timeline';
import { useRunHistory } from '../timeline/use-run-history';
import { useScrollMemory } from '../ui/use-scroll-memory';
import { useTopBarHeight } from '../ui/use-top-bar-height';
import { useWideLayout } from '../ui/use-wide-layout';
import { Header } from './header';
import { VIEW_SECTION_ID, ViewSwitch } from './view-switch';
import { KeyNotice } from './key-notice';
import { RunAnnouncer } from './run-announcer';
import { useEscapeStopsRun } from './use-escape-stops-run';
import { useStepShortcuts } from './use-step-shortcuts';
import { useMcpListings } from './use-mcp-listings';
import { Notices } from './notices';
import { startSharing } from '@/lib/store/share-store';
import { ShareNotices } from '../share';
import { Tour } from '../tour';

function run() {
  runOpenPlayground();
}

export default function PlaygroundApp() {
  const [ready, setReady] = useState(false);
  const hydrated = usePlaygroundStore((s) => s.hydrated);
  const toolErrors = useAnalysisStore((s) => s.analysis?.errors.length ?? 0);
  const view = useUiStore((s) => s.view);
  const tab = useUiStore((s) => s.tab);
  const busy = useRunStore((s) => s.phase !== 'idle');
  const runId = useRunStore((s) => s.runId);
  // On a phone the page itself scrolls: each tab and each run keeps its own place (a new run starts at its top).
  useScrollMemory(view === 'run' ? `run:${runId ?? ''}` : `tab:${tab}`, 'document', !useWideLayout());
  // The header and the view switch stick on top of a phone's page; the editor's tabs stick under them.
  const topBar = useTopBarHeight();
  useEscapeStopsRun();
  useStepShortcuts();
  useRunHistory(ready);

  useEffect(() => {
    // A run that starts shows itself (on a phone the run is the other view).
    if (busy) useUiStore.getState().setView('run');
  }, [busy]);

  useEffect(() => {
    void useUiStore.persist.rehydrate();
    void usePriceStore.persist.rehydrate();
    hydrateKeyStore();
    hydrateOtlpStore();
    hydrateTrustStore();
    void hydratePlaygroundStore()
      .then(() => reviewAllIfRecordUnreadable(useLibraryStore.getState().items.map((item) => item.id)))
      .then(startSharing).then(() => setReady(true));
  }, []);

  // The analysis follows the document and its MCP servers' listings.
  useMcpListings(hydrated);

  useEffect(() => {
    // Capture phase: the shortcut works inside the code editor too, which would otherwise take Ctrl+Enter.
    // In the manual composer, Ctrl+Enter sends the turn instead.
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key !== 'Enter') return;
      if (e.target instanceof Element && e.target.closest('[data-testid="manual-composer"]')) return;
      e.preventDefault();
      e.stopPropagation();
      run();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  if (!ready) return <p className="p-6">Opening your playground…</p>;
  return (
    // Below `lg` the page scrolls as one (header and view switch stay on top); at `lg` it fits the screen, columns scroll.
    <div className="flex min-h-dvh flex-col lg:h-dvh">
      <div ref={topBar} className="sticky top-0 z-30 bg-white lg:static dark:bg-zinc-950">
        <Header onRun={run} />
        {/* A landmark, so on a phone no content sits outside one. */}
        <nav aria-label="Playground or run" className="lg:hidden">
          <ViewSwitch />
        </nav>
      </div>
      <Notices />
      <KeyNotice />
      <ShareNotices />
      <Tour />
      <RunAnnouncer />
      <ComparePanel />
      <main className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(0,11fr)_minmax(0,10fr)]">
        <section id={VIEW_SECTION_ID.playground} aria-label="Playground editor" className={`${view === 'playground' ? '' : 'hidden lg:block'} min-h-0 border-zinc-200 lg:border-r dark:border-zinc-800`}>
          <EditorTabs toolErrors={toolErrors} />
        </section>
        <section id={VIEW_SECTION_ID.run} aria-label="Run" className={`${view === 'run' ? '' : 'hidden lg:block'} min-h-0`}>
          <Timeline
            footer={
              <>
                <UserQuestion />
                <ManualComposer />
              </>
            }
            empty={
              <div className="muted mx-auto max-w-md space-y-2 pt-10 text-center text-sm">
                <p className="text-base font-medium text-zinc-900 dark:text-zinc-100">Press Run to watch the agent work.</p>
                <p>Each step appears here as it happens: the model’s thought, the code it wrote, every tool call, what the code printed, tokens and timings.</p>
              </div>
            }
          />
        </section>
      </main>
    </div>
  );
}
