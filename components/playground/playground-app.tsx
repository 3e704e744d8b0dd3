'use client';
// The playground: the document on the left, the run on the right. Loaded in the browser only (it reads local storage).
import { useEffect, useState } from 'react';
import { scheduleAnalysis, useAnalysisStore } from '@/lib/store/analysis-store';
import { useLibraryStore } from '@/lib/store/library-store';
import { hydratePlaygroundStore, usePlaygroundStore } from '@/lib/store/playground-store';
import { hydrateKeyStore } from '@/lib/store/key-store';
import { usePriceStore } from '@/lib/store/price-store';
import { runOpenPlayground } from '@/lib/store/run-playground';
import { hydrateTrustStore, reviewAllIfRecordUnreadable } from '@/lib/store/trust-store';
import { useUiStore } from '@/lib/store/ui-store';
import { ManualComposer } from '../manual/manual-composer';
import { EditorTabs } from '../panels/editor-tabs';
import { Timeline } from '../timeline/timeline';
import { Header } from './header';
import { KeyNotice } from './key-notice';
import { Notices } from './notices';
import { startSharing } from '@/lib/store/share-store';
import { ShareNotices } from '../share';

function run() {
  runOpenPlayground();
}

export default function PlaygroundApp() {
  const [ready, setReady] = useState(false);
  const hydrated = usePlaygroundStore((s) => s.hydrated);
  const doc = usePlaygroundStore((s) => s.doc);
  const toolErrors = useAnalysisStore((s) => s.analysis?.errors.length ?? 0);

  useEffect(() => {
    void useUiStore.persist.rehydrate();
    void usePriceStore.persist.rehydrate();
    hydrateKeyStore();
    hydrateTrustStore();
    void hydratePlaygroundStore()
      .then(() => reviewAllIfRecordUnreadable(useLibraryStore.getState().items.map((item) => item.id)))
      .then(startSharing).then(() => setReady(true));
  }, []);

  useEffect(() => {
    if (hydrated) scheduleAnalysis(doc);
  }, [hydrated, doc]);

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
    <div className="flex h-dvh flex-col">
      <Header onRun={run} />
      <Notices />
      <KeyNotice />
      <ShareNotices />
      <main className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(0,11fr)_minmax(0,10fr)]">
        <section aria-label="Playground editor" className="min-h-0 border-zinc-200 lg:border-r dark:border-zinc-800">
          <EditorTabs toolErrors={toolErrors} />
        </section>
        <section aria-label="Run" className="min-h-0">
          <Timeline
            footer={<ManualComposer />}
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
