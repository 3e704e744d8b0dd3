'use client';
// The tools a team member may use: a checklist of the tools source's tools. A chosen name the source no longer has
// stays listed (and chosen) until it is unticked, so nothing is dropped silently.
import { useId } from 'react';
import { useAnalysisStore } from '@/lib/store/analysis-store';

export function MemberToolsField({ chosen, onChange }: { chosen: string[]; onChange: (tools: string[]) => void }) {
  const id = useId();
  const analysis = useAnalysisStore((s) => s.analysis);
  const known = analysis?.tools.map((t) => t.name) ?? [];
  const missing = analysis ? chosen.filter((t) => !known.includes(t)) : [];
  const names = analysis ? [...known, ...missing] : chosen;
  const toggle = (name: string, on: boolean) => onChange(on ? [...chosen, name] : chosen.filter((t) => t !== name));
  return (
    <fieldset className="space-y-1" aria-describedby={`${id}-hint`}>
      <legend className="label">Tools</legend>
      {names.map((name) => (
        <label key={name} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={chosen.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
          <span className="font-mono">{name}</span>
          {missing.includes(name) && <span className="text-xs text-red-800 dark:text-red-300">(not in the tools source: the run can’t start)</span>}
        </label>
      ))}
      <p id={`${id}-hint`} className="muted text-xs">
        {!analysis ? 'Reading the tools…' : known.length === 0 ? 'The tools source has no tools yet.' : 'It can call only the tools ticked here.'}
      </p>
    </fieldset>
  );
}
