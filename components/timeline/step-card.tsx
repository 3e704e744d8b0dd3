'use client';
// One step of a run: what the model thought and wrote, what ran, what came back, and what it cost.
import { memo } from 'react';
import type { AgentRunState, StepState } from '@/lib/agent/run-state';
import { contextShare, costOf, formatCost } from '@/lib/models/prices';
import { usePrice } from '@/lib/store/price-store';
import { CodeView } from './code-view';
import { StepContext } from './step-context';
import { canRerunFrom, EditAndRerun } from './edit-and-rerun';
import { formatCount, formatMs, formatRetry, formatShare } from './format';
import { NestedRuns } from './nested-runs';
import { OutputBlock } from './output-block';
import { StepOutcome } from './step-outcome';
import { StepInspector } from './step-inspector';
import { StepLink } from './step-link';
import { thoughtOf } from './step-text';
import { Thought } from './thought';
import { StepSandbox } from './step-sandbox';
import { StepVariables } from './step-variables';
import { ToolCalls } from './tool-calls';

const KIND_LABEL = { planning: 'Planning', action: 'Action', final: 'Final answer' } as const;

export const StepCard = memo(function StepCard({ step, run, live }: { step: StepState; run: AgentRunState; live: boolean }) {
  const title = `${step.parent ? `${step.agent} · ` : ''}Step ${step.index}`;
  const streaming = !step.modelDone && live;
  const thought = step.modelDone ? thoughtOf(step) : '';
  // The run ended (stopped, failed) while the model was writing or the code was running.
  const interrupted = !live && (!step.done || !step.modelDone);
  const logs = step.logs.replace(/\n$/, '');
  return (
    <article aria-label={title} tabIndex={-1} data-testid="step" data-step={step.index} data-kind={step.kind} className="card space-y-3 p-3">
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">{title}</h2>
        {!step.parent && <StepLink step={step.index} />}
        <span data-testid="step-kind" className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium dark:bg-zinc-800">
          {KIND_LABEL[step.kind]}
        </span>
        <StepSandbox step={step} run={run} />
        {step.source && (
          <span
            data-testid="step-source"
            title={step.source === 'recorded' ? 'A step of the run forked: its recorded model output, its code run again' : 'The model output edited for this fork'}
            className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-200"
          >
            {step.source === 'recorded' ? 'Replayed' : 'Edited'}
          </span>
        )}
        {streaming && <span className="text-xs text-blue-700 dark:text-blue-300">model writing…</span>}
        {step.modelDone && !step.done && live && <span className="text-xs text-blue-700 dark:text-blue-300">running…</span>}
        {interrupted && <span className="text-xs text-amber-800 dark:text-amber-300">interrupted</span>}
        <StepMetrics step={step} model={run.model} />
      </header>
      {step.retries && step.retries.length > 0 && (
        <ul aria-label="Retries" data-testid="step-retries" className="space-y-0.5 text-xs text-amber-800 dark:text-amber-300">
          {step.retries.map((r) => (
            <li key={r.attempt} data-testid="step-retry">
              {formatRetry(r)}
            </li>
          ))}
        </ul>
      )}

      {!step.modelDone && step.modelOutput && (
        <pre tabIndex={0} data-testid="step-streaming" aria-label={streaming ? 'Model output so far' : 'Model output before the run stopped'} className="mono-block">
          {step.modelOutput}
          {streaming && (
            <span aria-hidden className="animate-pulse">
              ▍
            </span>
          )}
        </pre>
      )}
      {thought && <Thought text={thought} />}
      {step.code !== undefined && <CodeView code={step.code} errorLine={step.error?.line} label={`Code of ${title}`} />}
      {step.toolCalls.length > 0 && <ToolCalls calls={step.toolCalls} nested={(callId) => <NestedRuns parent={step} callId={callId} renderStep={(s, r) => <StepCard key={s.id} step={s} run={r} live={live} />} />} />}
      {logs && !step.observation?.includes(logs) && <OutputBlock label="Logs" text={logs} testId="step-logs" />}
      {step.observation !== undefined && <OutputBlock label="Observation (what the model is shown)" text={step.observation} testId="step-observation" />}
      {step.variables && <StepVariables step={{ ...step, variables: step.variables }} />}
      <StepOutcome step={step} />
      {step.modelDone && <StepContext step={step} run={run} />}
      {step.modelDone && <StepInspector step={step} run={run} />}
      {!live && canRerunFrom(step, run) && <EditAndRerun step={step} run={run} />}
    </article>
  );
});

function StepMetrics({ step, model }: { step: StepState; model: string }) {
  const usage = step.usage;
  const price = usePrice(model);
  // A call that failed before any tokens (a refused key) has nothing to price.
  const used = usage && usage.inputTokens + usage.outputTokens > 0 ? usage : undefined;
  const cost = costOf(used, price);
  const share = contextShare(used, price);
  return (
    <dl className="muted ml-auto flex flex-wrap gap-x-3 text-xs" data-testid="step-metrics">
      {usage && (
        <div className="flex gap-1">
          <dt>Tokens in/out</dt>
          <dd data-testid="step-tokens">
            {formatCount(usage.inputTokens)} / {formatCount(usage.outputTokens)}
            {usage.estimated ? ' (est.)' : ''}
          </dd>
        </div>
      )}
      {usage?.cachedInputTokens ? (
        <div className="flex gap-1">
          <dt>Cached input</dt>
          <dd data-testid="step-cached-tokens">{formatCount(usage.cachedInputTokens)}</dd>
        </div>
      ) : null}
      {cost !== undefined && (
        <div className="flex gap-1">
          <dt>Cost</dt>
          <dd data-testid="step-cost">{formatCost(cost)}</dd>
        </div>
      )}
      {share !== undefined && (
        <div className="flex gap-1">
          <dt className="sr-only">Context used</dt>
          <dd data-testid="step-context">{formatShare(share)}</dd>
        </div>
      )}
      <div className="flex gap-1">
        <dt>Model</dt>
        <dd data-testid="step-model-ms">{formatMs(step.timing?.modelMs ?? step.modelMs)}</dd>
      </div>
      {step.kind === 'action' && (
        <div className="flex gap-1">
          <dt>Execution</dt>
          <dd data-testid="step-exec-ms">{formatMs(step.timing?.executionMs)}</dd>
        </div>
      )}
    </dl>
  );
}

