'use client';
// The run of a team member (managed agent), shown under the tool call that started it.
import { useMemo, type ReactNode } from 'react';
import type { AgentRunState, StepState } from '@/lib/agent';
import { useRunStore } from '@/lib/store/run-store';
import { Disclosure } from '../ui/disclosure';

// The member's steps are drawn by the caller (the step card), so this file does not import the card that imports it.
export function NestedRuns({ parent, callId, renderStep }: { parent: StepState; callId: string; renderStep: (step: StepState, run: AgentRunState) => ReactNode }) {
  const state = useRunStore((s) => s.state);
  const children = useMemo(
    () => state.runs.filter((r) => r.parent?.callId === callId && r.parent.step === parent.index && r.parent.agent === parent.agent),
    [state.runs, callId, parent.index, parent.agent],
  );
  return children.map((run) => {
    const steps = state.steps.filter((s) => s.runKey === run.key);
    const status = run.status === 'running' ? 'running' : run.status;
    return (
      <Disclosure
        key={run.key}
        defaultOpen
        testId="managed-run"
        className="mt-2 border-l-2 border-blue-300 pl-3 dark:border-blue-700"
        title={
          <span>
            Team member <span className="font-mono">{run.agent}</span> · {steps.length} step{steps.length === 1 ? '' : 's'} · {status}
          </span>
        }
      >
        <div className="space-y-2">
          {steps.map((s) => renderStep(s, run))}
        </div>
      </Disclosure>
    );
  });
}
