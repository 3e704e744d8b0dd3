'use client';
// One tool's injected faults in the Tools tab: fail, slow, junk, inject, each with a rate, and the seed that makes
// runs repeat. A field with a bad value keeps its text and says why; only a valid set of faults is saved.
import { useId, useState } from 'react';
import type { ToolFaultsSettings } from '@/lib/playground/schema';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { Disclosure } from '../ui/disclosure';
import { checkDraft, draftOf, type FaultDraft } from './fault-draft';

type Kind = 'fail' | 'slow' | 'junk' | 'inject';

const KINDS: { kind: Kind; label: string; help: string }[] = [
  { kind: 'fail', label: 'Fail', help: 'throws your message instead of running the tool' },
  { kind: 'slow', label: 'Slow', help: 'answers later by the delay' },
  { kind: 'junk', label: 'Junk', help: 'returns a wrong-shaped value (null, an HTML error page, -1 …)' },
  { kind: 'inject', label: 'Inject', help: 'returns the real result plus your text: tool output is untrusted input' },
];

export function ToolFaultsEditor({ tool }: { tool: string }) {
  const saved = usePlaygroundStore((s) => s.doc.faults?.[tool]);
  const setToolFaults = usePlaygroundStore((s) => s.setToolFaults);
  const on = saved ? KINDS.filter((k) => saved[k.kind]).map((k) => k.label.toLowerCase()) : [];
  return (
    <Disclosure title={on.length ? `Faults (${on.join(', ')})` : 'Faults'} className="mt-1" testId="tool-faults">
      <FaultsForm tool={tool} saved={saved} onSave={(faults) => setToolFaults(tool, faults)} />
    </Disclosure>
  );
}

function FaultsForm({ tool, saved, onSave }: { tool: string; saved: ToolFaultsSettings | undefined; onSave: (f: ToolFaultsSettings | undefined) => void }) {
  const [draft, setDraft] = useState<FaultDraft>(() => draftOf(saved));
  const [shown, setShown] = useState(saved);
  const [problems, setProblems] = useState<Record<string, string>>({});
  if (shown !== saved) {
    // The document changed from elsewhere (an example was loaded, or this form saved): show what it holds now.
    setShown(saved);
    const check = checkDraft(draft);
    if (!check.ok || JSON.stringify(check.faults) !== JSON.stringify(saved)) {
      setDraft(draftOf(saved));
      setProblems({});
    }
  }
  const change = (next: FaultDraft) => {
    setDraft(next);
    const check = checkDraft(next);
    if (!check.ok) return setProblems(check.problems);
    setProblems({});
    if (JSON.stringify(check.faults) !== JSON.stringify(saved)) onSave(check.faults);
  };
  const set = <K extends Kind>(kind: K, patch: Partial<FaultDraft[K]>) => change({ ...draft, [kind]: { ...draft[kind], ...patch } });

  return (
    <div role="group" aria-label={`Faults for ${tool}`} className="mt-1 space-y-2">
      <p className="muted text-xs">
        Injected by the host around the real tool and marked on the timeline. A rate is the chance a call gets the fault (0.33: about one call in three);
        the same seed faults the same calls in every run.
      </p>
      {KINDS.map(({ kind, label, help }) => (
        <fieldset key={kind} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-700">
          <legend className="px-1 text-xs">
            <label className="flex items-center gap-1 font-semibold">
              <input type="checkbox" checked={draft[kind].on} onChange={(e) => set(kind, { on: e.target.checked })} />
              {label}
            </label>
          </legend>
          <p className="muted text-xs">{help}</p>
          {draft[kind].on && (
            <div className="mt-1 grid gap-2 sm:grid-cols-[8rem_minmax(0,1fr)]">
              <Field label={`${label} rate`} value={draft[kind].rate} problem={problems[`${kind}.rate`]} onChange={(rate) => set(kind, { rate })} inputMode="decimal" />
              {kind === 'fail' && <Field label="Fail message" value={draft.fail.message} problem={problems['fail.message']} onChange={(message) => set('fail', { message })} />}
              {kind === 'slow' && <Field label="Delay (ms)" value={draft.slow.delayMs} problem={problems['slow.delayMs']} onChange={(delayMs) => set('slow', { delayMs })} inputMode="numeric" />}
              {kind === 'inject' && <Field label="Injected text" value={draft.inject.text} problem={problems['inject.text']} onChange={(text) => set('inject', { text })} />}
            </div>
          )}
        </fieldset>
      ))}
      <div className="max-w-[12rem]">
        <Field label="Seed" value={draft.seed} problem={problems.seed} onChange={(seed) => change({ ...draft, seed })} inputMode="numeric" />
      </div>
    </div>
  );
}

function Field({
  label,
  value,
  problem,
  onChange,
  inputMode,
}: {
  label: string;
  value: string;
  problem?: string;
  onChange: (text: string) => void;
  inputMode?: 'decimal' | 'numeric';
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label block">
        {label}
      </label>
      <input
        id={id}
        className="field"
        value={value}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-xs text-red-800 dark:text-red-300">
          {problem}
        </p>
      )}
    </div>
  );
}
