'use client';
// Files: the playground, the run's trace and its OpenTelemetry form out; a playground or a trace in.
import { useId, useMemo, useRef, useState } from 'react';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { makeExport, makeOtlpProtobufExport, MAX_IMPORT_BYTES, runShareability, useShareStore, type ExportKind } from '@/lib/store/share-store';
import { downloadText } from '../ui/download';
import { closePanelOf, PopoverPanel } from './popover-panel';

type MenuExport = ExportKind | 'otlp-pb';

const EXPORTS: { kind: MenuExport; label: string; hint: string }[] = [
  { kind: 'playground', label: 'Export playground JSON', hint: 'Task, tools and settings; opens again with Import.' },
  { kind: 'trace', label: 'Export trace JSON', hint: 'The run, step by step; opens again with Import and replays offline.' },
  { kind: 'otlp', label: 'Export OpenTelemetry JSON', hint: 'OTLP/JSON with the GenAI conventions, for Langfuse or Jaeger.' },
  { kind: 'otlp-pb', label: 'Export OpenTelemetry protobuf', hint: 'OTLP/protobuf (.pb), the form Phoenix takes; Langfuse and Jaeger read it too.' },
];

export function ExportMenu() {
  const doc = usePlaygroundStore((s) => s.doc);
  const events = useRunStore((s) => s.events);
  const phase = useRunStore((s) => s.phase);
  const trace = useMemo(() => runShareability(events, doc, phase !== 'idle'), [events, doc, phase]);
  const otlp = useMemo(() => runShareability(events, undefined, phase !== 'idle'), [events, phase]);
  const [error, setError] = useState<string>();
  const fileRef = useRef<HTMLInputElement>(null);
  const runReasonId = useId();

  const exportFile = async (kind: MenuExport, button: HTMLElement) => {
    if (kind === 'otlp-pb') {
      const file = await makeOtlpProtobufExport();
      if (!file.ok) return setError(file.message);
      setError(undefined);
      downloadText(file.name, new Uint8Array(file.bytes), 'application/x-protobuf');
    } else {
      const file = makeExport(kind);
      if (!file.ok) return setError(file.message);
      setError(undefined);
      downloadText(file.name, file.text);
    }
    closePanelOf(button);
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    closePanelOf(input);
    const { importFile: load, dismissNotice } = useShareStore.getState();
    dismissNotice();
    load(file.name, file.size > MAX_IMPORT_BYTES ? null : await file.text());
  };

  return (
    <PopoverPanel label="Export / Import" title="Export and import" className="w-[min(24rem,calc(100vw-1rem))]">
      <h2 className="mb-2 font-semibold">Export</h2>
      <ul className="space-y-2">
        {EXPORTS.map(({ kind, label, hint }) => {
          const run = kind === 'trace' ? trace : otlp;
          const disabled = kind !== 'playground' && !run.ok;
          // When both run exports are off for the same reason, it is said once, under the first.
          const sameAsTrace = kind !== 'trace' && !trace.ok && !run.ok && trace.reason === run.reason;
          const reasonId = `${runReasonId}-${sameAsTrace ? 'trace' : kind}`;
          return (
            <li key={kind}>
              <button type="button" className="btn w-full justify-start" disabled={disabled} aria-describedby={disabled ? reasonId : undefined} onClick={(e) => void exportFile(kind, e.currentTarget)}>
                {label}
              </button>
              <p className="muted mt-0.5 text-xs">{hint}</p>
              {disabled && !run.ok && !sameAsTrace && (
                <p id={reasonId} className="mt-0.5 text-xs text-amber-800 dark:text-amber-300">
                  {run.reason}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="mt-2 text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      <h2 className="mt-4 mb-2 font-semibold">Import</h2>
      <button type="button" className="btn w-full justify-start" disabled={phase !== 'idle'} onClick={() => fileRef.current?.click()}>
        Import playground or trace JSON…
      </button>
      <p className="muted mt-0.5 text-xs">Opens as a new playground in your list; yours stays as it is.</p>
      <input ref={fileRef} type="file" accept=".json,application/json" className="hidden" aria-label="Import playground or trace JSON" onChange={(e) => void importFile(e.currentTarget)} />
    </PopoverPanel>
  );
}
