// What changed in the sandbox session between two steps: each name new, changed, the same, or gone.
import type { SessionVariable, VariablesSnapshot } from '../sandbox/types';

export type VariableChange = 'new' | 'changed' | 'same' | 'gone';

export interface VariableRow extends SessionVariable {
  change: VariableChange;
}

/** The rows of `next` (in its order) marked against `previous`, then the names that are gone. */
export function diffVariables(previous: VariablesSnapshot | undefined, next: VariablesSnapshot): VariableRow[] {
  const before = new Map((previous?.names ?? []).map((v) => [v.name, v]));
  const now = new Set(next.names.map((v) => v.name));
  const rows: VariableRow[] = next.names.map((v) => {
    const old = before.get(v.name);
    const change: VariableChange = !old ? 'new' : old.type !== v.type || old.preview !== v.preview || old.size !== v.size ? 'changed' : 'same';
    return { ...v, change };
  });
  // A name past the listed 100 may still exist: only a name listed before and absent from a complete list is gone.
  if (next.names.length === next.total) {
    for (const old of before.values()) if (!now.has(old.name)) rows.push({ ...old, change: 'gone' });
  }
  return rows;
}

/** "2 new, 1 changed, 1 gone", or "no change". */
export function describeChanges(rows: readonly VariableRow[]): string {
  const counts = (['new', 'changed', 'gone'] as const).map((c) => [c, rows.filter((r) => r.change === c).length] as const).filter(([, n]) => n > 0);
  return counts.length ? counts.map(([c, n]) => `${n} ${c}`).join(', ') : 'no change';
}
