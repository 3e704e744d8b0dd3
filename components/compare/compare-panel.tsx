'use client';
// Compare: the two setups, the table of figures and the two timelines side by side.
import { useCompareStore } from '@/lib/store/compare-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { CompareTable } from './compare-table';
import { CompareTimelines } from './compare-timelines';
import { KeptRunsPicker } from './kept-runs-picker';
import { SetupPicker } from './setup-picker';
import { useState } from 'react';

export function ComparePanel() {
  const { open, a, b, problem, setSetup, stop, close } = useCompareStore();
  const [mode, setMode] = useState<'setups' | 'kept'>('setups');
  if (!open) return null;
  const running = a.phase === 'running' || b.phase === 'running';
  const again = () => useCompareStore.getState().start(usePlaygroundStore.getState().doc);
  const sides = [a, b];
  return (
    <section aria-label="Compare" className="max-h-[75dvh] space-y-3 overflow-y-auto border-b border-zinc-200 p-3 dark:border-zinc-800">
      <header className="flex flex-wrap items-center gap-3">
        <h2 className="text-base font-semibold">Compare</h2>
        <select className="field w-auto" aria-label="Compare what" value={mode} disabled={running} onChange={(e) => setMode(e.target.value as 'setups' | 'kept')}>
          <option value="setups">Two setups</option>
          <option value="kept">Two kept runs</option>
        </select>
        {mode === 'kept' ? (
          <KeptRunsPicker disabled={running} />
        ) : (
          <>
            <SetupPicker name="A" setup={a.setup} onChange={(s) => setSetup('a', s)} disabled={running} />
            <SetupPicker name="B" setup={b.setup} onChange={(s) => setSetup('b', s)} disabled={running} />
          </>
        )}
        {mode === 'kept' && !running ? null : running ? (
          <button type="button" className="btn-danger" onClick={stop}>
            Stop comparison
          </button>
        ) : (
          <button type="button" className="btn-primary" onClick={again}>
            Run comparison
          </button>
        )}
        <button type="button" className="btn" onClick={close}>
          Close comparison
        </button>
      </header>
      {problem && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {running ? `Running ${a.phase === 'running' ? a.label : b.label}` : a.phase === 'done' && b.phase === 'done' ? 'Comparison finished' : ''}
      </p>
      {[a, b].map((side) => side.error && <p key={side.label} role="alert" className="text-sm text-red-700 dark:text-red-300">{side.label}: {side.error}</p>)}
      {a.label && <CompareTable sides={sides} />}
      {a.label && <CompareTimelines sides={sides} />}
    </section>
  );
}
