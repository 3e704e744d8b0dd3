// Which sandbox ran a step's code: a small badge for the step's header.
import type { AgentRunState, StepState } from '@/lib/agent';

const LABEL: Record<string, string> = {
  quickjs: 'QuickJS',
  webcontainer: 'WebContainer',
  node: 'Node',
};

/** Shown on action steps (planning and final-answer steps run no code). */
export function StepSandbox({ step, run }: { step: StepState; run: AgentRunState }) {
  if (step.kind !== 'action' || !run.sandbox || run.sandbox === 'unavailable') return null;
  return (
    <span data-testid="step-sandbox" title="The sandbox that ran this step" className="rounded border border-zinc-200 px-1.5 py-0.5 text-xs text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
      <span className="sr-only">Sandbox: </span>
      {LABEL[run.sandbox] ?? run.sandbox}
    </span>
  );
}
