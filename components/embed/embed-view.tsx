'use client';
// /embed/<id>: a published run for a course page, read-only. The timeline with its step cards, Replay (the recorded
// events again, offline: no model, no sandbox, no key), and a link to open the playground itself.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createEmbedStore } from '@/lib/store/embed-store';
import { formatAnswer } from '../timeline/format';
import { EmbedStepCard } from './embed-step-card';

export function EmbedView({ id, payload }: { id: string; payload: unknown }) {
  const [store] = useState(() => createEmbedStore(payload));
  const { playground, events, state, replaying, problem, replay, stopReplay } = useStore(store);
  useEffect(() => stopReplay, [stopReplay]);
  const main = state.runs.find((r) => !r.parent);
  const steps = main ? state.steps.filter((s) => s.runKey === main.key) : [];
  const open = (
    <a href={`/p/${id}`} target="_blank" rel="noopener noreferrer" className="btn text-xs">
      Open in the playground
    </a>
  );
  if (problem || !playground) {
    return (
      <main className="space-y-3 p-4 text-sm">
        <p role="alert">{problem}</p>
        {open}
      </main>
    );
  }
  return (
    <main className="space-y-3 p-3 text-sm">
      <header className="flex flex-wrap items-center gap-2">
        <h1 className="text-base font-semibold">{playground.title}</h1>
        <span className="muted text-xs">Agent Playground · a recorded run</span>
        <span className="ml-auto flex gap-2">
          {events.length > 0 && (
            <button type="button" className="btn-primary text-xs" onClick={() => (replaying ? stopReplay() : replay())}>
              {replaying ? 'Show all' : 'Replay'}
            </button>
          )}
          {open}
        </span>
      </header>
      <p className="whitespace-pre-wrap">
        <span className="font-semibold">Task: </span>
        {playground.task}
      </p>
      {events.length === 0 ? (
        <p role="status" data-testid="embed-no-run" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          This published playground holds no recorded run, so there is nothing to show here. Open it in the playground to run it there.
        </p>
      ) : (
        <>
          <p role="status" aria-live="polite" className="muted text-xs" data-testid="embed-status">
            {replaying ? 'Replaying the recorded run (offline, no model)…' : main?.finalAnswer ? 'The recorded run, whole.' : 'The recorded run ended without a final answer.'}
          </p>
          <ol aria-label="Steps" className="space-y-3" data-testid="timeline">
            {steps.map((step) => (
              <li key={step.id}>
                <EmbedStepCard step={step} />
              </li>
            ))}
          </ol>
          {main?.finalAnswer && !replaying && (
            <p className="card p-3">
              <span className="font-semibold">Final answer: </span>
              <span data-testid="final-answer" className="whitespace-pre-wrap">
                {formatAnswer(main.finalAnswer.value)}
              </span>
            </p>
          )}
        </>
      )}
    </main>
  );
}
