'use client';
// The steps of a run, each with its code, tool calls, observation and error.
import type { StepState } from '@/lib/agent';
import { describeError, renderValue } from '@/lib/agent';

export function StepList({ steps }: { steps: StepState[] }) {
  return (
    <ol className="space-y-3">
      {steps.map((step) => (
        <li
          key={step.id}
          data-testid="step"
          className={`rounded border border-zinc-300 p-3 dark:border-zinc-700 ${step.parent ? 'ml-8' : ''}`}
        >
          <h3 className="font-semibold">
            {step.parent ? `${step.agent} · ` : ''}Step {step.index} · {step.kind}
          </h3>
          {step.code !== undefined ? (
            <pre data-testid="step-code" className="mt-2 overflow-x-auto rounded bg-zinc-100 p-2 text-sm dark:bg-zinc-900">
              {step.code}
            </pre>
          ) : (
            step.modelOutput && <p className="mt-2 whitespace-pre-wrap text-sm">{step.modelOutput}</p>
          )}
          {step.toolCalls.length > 0 && (
            <ul className="mt-2 text-sm">
              {step.toolCalls.map((call) => (
                <li key={call.callId} data-testid="tool-call">
                  <code>
                    {call.name}({renderValue(call.args)})
                  </code>{' '}
                  → {call.error !== undefined ? <span className="text-red-700 dark:text-red-300">{call.error}</span> : renderValue(call.result)}
                  {call.durationMs !== undefined && <span className="text-zinc-500"> · {call.durationMs} ms</span>}
                </li>
              ))}
            </ul>
          )}
          {step.observation && (
            <pre data-testid="step-observation" className="mt-2 whitespace-pre-wrap text-sm text-zinc-700 dark:text-zinc-300">
              {step.observation}
            </pre>
          )}
          {step.error && (
            <p data-testid="step-error" className="mt-2 text-sm text-red-700 dark:text-red-300">
              {describeError(step.error)}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
