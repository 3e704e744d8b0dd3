'use client';
// A first, minimal view: pick a bundled example, run it, watch its steps and final answer.
import { useState } from 'react';
import { EXAMPLES } from '@/lib/playground/examples';
import { useRunStore } from '@/lib/store/run-store';
import { StepList } from './step-list';

export function ExampleRunner() {
  const [exampleId, setExampleId] = useState(EXAMPLES[0]!.id);
  const example = EXAMPLES.find((e) => e.id === exampleId)!;
  const { state, running, startError, start, stop } = useRunStore();
  const main = state.runs.find((r) => !r.parent);

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          Example
          <select
            className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            value={exampleId}
            onChange={(e) => setExampleId(e.target.value)}
            disabled={running}
          >
            {EXAMPLES.map((e) => (
              <option key={e.id} value={e.id}>
                {e.playground.title}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" className="rounded bg-red-600 px-3 py-1 text-white" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="button" className="rounded bg-blue-600 px-3 py-1 text-white" onClick={() => void start(example.playground)}>
            Run
          </button>
        )}
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{example.playground.description}</p>
      <p>
        <span className="font-semibold">Task:</span> {example.playground.task}
      </p>
      {startError && (
        <p role="alert" className="rounded border border-red-400 p-2 text-red-700 dark:text-red-300">
          {startError}
        </p>
      )}
      <StepList steps={state.steps} />
      {main && main.status !== 'running' && (
        <div data-testid="run-summary" className="rounded border border-zinc-300 p-3 dark:border-zinc-700">
          <p>
            <span className="font-semibold">Run:</span> <span data-testid="run-status">{main.status}</span> · {state.steps.length} steps ·{' '}
            {main.usage.inputTokens + main.usage.outputTokens} tokens{main.usage.estimated ? ' (estimated)' : ''} · {main.durationMs} ms
          </p>
          {main.finalAnswer && (
            <p>
              <span className="font-semibold">Final answer:</span>{' '}
              <output data-testid="final-answer" className="whitespace-pre-wrap">
                {typeof main.finalAnswer.value === 'string' ? main.finalAnswer.value : JSON.stringify(main.finalAnswer.value)}
              </output>
            </p>
          )}
          {main.error && <p className="text-red-700 dark:text-red-300">{main.error.message}</p>}
        </div>
      )}
    </section>
  );
}
