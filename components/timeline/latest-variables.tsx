'use client';
// `Variables now`: the sandbox session's variables after the run's latest code step (the top-level agent's).
import { useMemo } from 'react';
import { useRunStore } from '@/lib/store/run-store';
import { Disclosure } from '../ui/disclosure';
import { VariablesTable } from './variables-table';

export function LatestVariables() {
  const latest = useRunStore((s) => s.state.steps.findLast((p) => !p.parent && p.variables));
  const rows = useMemo(() => (latest?.variables?.names ?? []).map((v) => ({ ...v, change: 'same' as const })), [latest]);
  if (!latest?.variables) return null;
  return (
    <div data-testid="latest-variables" className="pb-3">
      <Disclosure title={`Variables now (${latest.variables.total}, after step ${latest.index})`}>
        <VariablesTable rows={rows} total={latest.variables.total} label="Variables now" showChange={false} />
      </Disclosure>
    </div>
  );
}
