'use client';
// One step of a compared run, read-only and compact: what it ran, what came back, how it ended.
import { describeError } from '@/lib/agent/memory';
import type { StepState } from '@/lib/agent/run-state';
import { CodeView } from '@/components/timeline/code-view';
import { formatAnswer, formatArgs, formatMs } from '@/components/timeline/format';
import { OutputBlock } from '@/components/timeline/output-block';

const KIND_LABEL = { planning: 'Planning', action: 'Action', final: 'Final answer' } as const;

export function CompactStep({ step, side }: { step: StepState; side: string }) {
  const logs = step.logs.replace(/\n$/, '');
  return (
    <article aria-label={`${side} step ${step.index}`} data-testid="compare-step" className="card space-y-2 p-2 text-sm">
      <header className="flex flex-wrap items-center gap-2">
        <h4 className="font-semibold">Step {step.index}</h4>
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium dark:bg-zinc-800">{KIND_LABEL[step.kind]}</span>
        {step.modelMs !== undefined && <span className="muted text-xs">model {formatMs(step.modelMs)}</span>}
      </header>
      {step.code && <CodeView code={step.code} label={`${side} step ${step.index} code`} />}
      {step.toolCalls.length > 0 && (
        <ul className="space-y-0.5 font-mono text-xs" aria-label="Tool calls">
          {step.toolCalls.map((call) => (
            <li key={call.callId} className="break-words">
              {call.name}({formatArgs(call.args)}){call.error ? ` ✗ ${call.error}` : call.done ? ` → ${formatAnswer(call.result)}` : ' …'}
            </li>
          ))}
        </ul>
      )}
      {logs && <OutputBlock label="Output" text={logs} testId="compare-logs" />}
      {step.error && <OutputBlock label="Error" text={describeError(step.error)} testId="compare-error" tone="error" />}
      {step.finalAnswer && <OutputBlock label="Final answer" text={formatAnswer(step.finalAnswer.value)} testId="compare-answer" />}
    </article>
  );
}
