'use client';
// One step of a published run, read-only: what the model thought and wrote, the tools it called, what came back.
import type { StepState } from '@/lib/agent/run-state';
import { CodeView } from '../timeline/code-view';
import { formatMs } from '../timeline/format';
import { OutputBlock } from '../timeline/output-block';
import { StepOutcome } from '../timeline/step-outcome';
import { thoughtOf } from '../timeline/step-text';
import { Thought } from '../timeline/thought';
import { ToolCalls } from '../timeline/tool-calls';

const KIND_LABEL = { planning: 'Planning', action: 'Action', final: 'Final answer' } as const;

export function EmbedStepCard({ step }: { step: StepState }) {
  const title = `${step.parent ? `${step.agent} · ` : ''}Step ${step.index}`;
  const thought = step.modelDone ? thoughtOf(step) : '';
  const logs = step.logs.replace(/\n$/, '');
  return (
    <article aria-label={title} data-testid="step" data-step={step.index} className="card space-y-3 p-3">
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">{title}</h2>
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium dark:bg-zinc-800">{KIND_LABEL[step.kind]}</span>
        {step.done && <span className="muted ml-auto text-xs">Model {formatMs(step.timing?.modelMs ?? step.modelMs)}</span>}
      </header>
      {!step.modelDone && step.modelOutput && <pre className="mono-block">{step.modelOutput}</pre>}
      {thought && <Thought text={thought} />}
      {step.code !== undefined && <CodeView code={step.code} errorLine={step.error?.line} label={`Code of ${title}`} />}
      {step.toolCalls.length > 0 && <ToolCalls calls={step.toolCalls} nested={() => null} />}
      {logs && !step.observation?.includes(logs) && <OutputBlock label="Logs" text={logs} testId="step-logs" />}
      {step.observation !== undefined && <OutputBlock label="Observation (what the model is shown)" text={step.observation} testId="step-observation" />}
      <StepOutcome step={step} />
    </article>
  );
}
