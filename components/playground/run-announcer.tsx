'use client';
// The page's one polite live region for the run: screen readers hear it start, each step, a pause for a manual turn,
// and how it ended. Empty until a run starts here, so opening the page announces nothing.
import { useState } from 'react';
import { useRunStore } from '@/lib/store/run-store';
import { nextAnnouncement, type Announcement } from './run-announcement';

export function RunAnnouncer() {
  const phase = useRunStore((s) => s.phase);
  const runId = useRunStore((s) => s.runId);
  const state = useRunStore((s) => s.state);
  const startError = useRunStore((s) => s.startError);
  const manualTurnAgent = useRunStore((s) => s.manualTurn?.request.agent);
  const pausedStep = useRunStore((s) => s.paused?.step);
  // What was said last is kept so the text only moves forward (React's "adjust state while rendering" pattern).
  const [said, setSaid] = useState<Announcement>();
  const next = nextAnnouncement(said, { phase, runId, state, startError, manualTurnAgent, pausedStep });
  if (next.text !== said?.text || next.runId !== said?.runId || next.progress !== said?.progress) setSaid(next);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="run-announcer" className="sr-only">
      {next.text}
    </div>
  );
}
