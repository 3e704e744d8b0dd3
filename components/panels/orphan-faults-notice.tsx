'use client';
// Faults kept for tools the source no longer has (renamed or removed): they do nothing, and can be removed here.
import { usePlaygroundStore } from '@/lib/store/playground-store';

export function OrphanFaultsNotice({ toolNames }: { toolNames: string[] }) {
  const faults = usePlaygroundStore((s) => s.doc.faults);
  const setToolFaults = usePlaygroundStore((s) => s.setToolFaults);
  const orphans = Object.keys(faults ?? {}).filter((name) => !toolNames.includes(name));
  if (orphans.length === 0) return null;
  return (
    <ul aria-label="Faults of missing tools" data-testid="orphan-faults" className="space-y-1 text-sm">
      {orphans.map((name) => (
        <li key={name} className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          <span>
            Faults are set for <code className="font-mono">{name}</code>, which the tools source no longer has: they do nothing until a tool has that name.
          </span>
          <button type="button" className="btn-ghost text-xs" onClick={() => setToolFaults(name, undefined)}>
            Remove faults of {name}
          </button>
        </li>
      ))}
    </ul>
  );
}
