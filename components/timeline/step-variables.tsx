'use client';
// A step's `Variables`: the session's names after its code, what changed since the step before at a glance.
import { useMemo } from 'react';
import type { StepState } from '@/lib/agent/run-state';
import { describeChanges, diffVariables } from '@/lib/agent/variables-diff';
import { useRunStore } from '@/lib/store/run-store';
import { Disclosure } from '../ui/disclosure';
import { VariablesTable } from './variables-table';

export function StepVariables({ step }: { step: StepState & { variables: NonNullable<StepState['variables']> } }) {
  // The snapshot of the same agent's step before this one (a stable reference: the card re-renders only when it changes).
  const previous = useRunStore((s) => s.state.steps.findLast((p) => p.runKey === step.runKey && p.index < step.index && p.variables)?.variables);
  const rows = useMemo(() => diffVariables(previous, step.variables), [previous, step.variables]);
  const changed = rows.filter((r) => r.change !== 'same');
  const title = `Variables (${step.variables.total}${step.variables.total ? `: ${describeChanges(rows)}` : ''})`;
  return (
    <section aria-label={`Variables of step ${step.index}`} data-testid="step-variables" className="space-y-1">
      <Disclosure title={title}>
        {step.variables.total === 0 ? <p className="muted text-xs">The session has no variables of its own yet.</p> : <VariablesTable rows={rows} total={step.variables.total} label={`Variables after step ${step.index}`} showChange />}
      </Disclosure>
      {changed.length > 0 && (
        <p className="text-xs" data-testid="variables-changed">
          {changed.slice(0, 8).map((r, i) => (
            <span key={`${r.name}:${r.change}`}>
              {i > 0 && ' · '}
              <span className="font-mono">{r.name}</span> <span className="muted">{r.change}</span>
            </span>
          ))}
          {changed.length > 8 && <span className="muted">{` · ${changed.length - 8} more`}</span>}
        </p>
      )}
    </section>
  );
}
