'use client';
// Compare two kept runs of this playground (the Runs history) instead of running two setups.
import { useState } from 'react';
import { keptRunLabel, useCompareStore } from '@/lib/store/compare-store';
import { useRunHistoryStore } from '@/lib/store/run-history-store';

export function KeptRunsPicker({ disabled }: { disabled: boolean }) {
  const runs = useRunHistoryStore((s) => s.runs);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  if (runs.length < 2) return <p className="muted text-sm">Two kept runs are needed: run this playground twice (see Runs).</p>;
  const idA = a || runs[1]!.id;
  const idB = b || runs[0]!.id;
  const show = () => {
    const recordA = runs.find((r) => r.id === idA);
    const recordB = runs.find((r) => r.id === idB);
    if (recordA && recordB) void useCompareStore.getState().showKept(recordA, recordB);
  };
  const select = (name: string, value: string, onChange: (id: string) => void) => (
    <select className="field w-auto max-w-72" aria-label={`Kept run for ${name}`} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
      {runs.map((r) => (
        <option key={r.id} value={r.id}>
          {keptRunLabel(r)} · {r.status}
        </option>
      ))}
    </select>
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="font-semibold">A</span>
      {select('A', idA, setA)}
      <span className="font-semibold">B</span>
      {select('B', idB, setB)}
      <button type="button" className="btn-primary" onClick={show} disabled={disabled}>
        Compare kept runs
      </button>
    </div>
  );
}
