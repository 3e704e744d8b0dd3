'use client';
// The run as it happens: a card per step (virtualized, so long runs stay smooth), the summary, and the manual composer.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useRunStore } from '@/lib/store/run-store';
import type { AgentRunState } from '@/lib/agent/run-state';
import { FollowUpBox } from './follow-up-box';
import { RunSummary } from './run-summary';
import { RunsPanel } from './runs-list';
import { LatestVariables } from './latest-variables';
import { SaveRunAsReplay } from './save-run-as-replay';
import { StaleRunNotice } from './stale-run-notice';
import { LazyStepCard, preloadStepCard } from './lazy-step-card';
import { StepFocusProblem } from './step-focus-problem';
import { useStepFocus } from './use-step-focus';
import { useOpenStep } from './use-open-step';
import { WaterfallToggle } from './waterfall-toggle';
import { WaterfallView } from './waterfall';
import { useTimelineViewStore } from '@/lib/store/timeline-view-store';

export function Timeline({ footer, empty }: { footer?: ReactNode; empty: ReactNode }) {
  const state = useRunStore((s) => s.state);
  const phase = useRunStore((s) => s.phase);
  const paused = useRunStore((s) => s.paused);
  const live = phase !== 'idle';
  const main = state.runs.find((r) => !r.parent);
  const steps = useMemo(() => (main ? state.steps.filter((s) => s.runKey === main.key) : []), [state.steps, main]);

  // The step card loads when a run starts (Run works without it), while the runner worker gets ready.
  useEffect(() => {
    if (live) preloadStepCard().catch(() => undefined);
  }, [live]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: steps.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 260,
    overscan: 3,
    getItemKey: (i) => steps[i]!.id,
  });

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  useStepFocus(steps, live, virtualizer, scrollRef);
  const waterfall = useTimelineViewStore((s) => s.view === 'waterfall');
  const openStep = useOpenStep();

  const last = steps.at(-1);
  useEffect(() => {
    if (!live || !follow.current) return;
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [live, steps.length, last?.modelOutput.length, last?.done, footer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="flex flex-col lg:h-full">
      <RunsPanel />
      {main && (
        <div className="space-y-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
          <StaleRunNotice />
          <RunSummary state={state} stopping={phase === 'stopping'} paused={paused} />
          <SaveRunAsReplay />
          <WaterfallToggle />
        </div>
      )}
      <div ref={scrollRef} data-testid="timeline" role="region" aria-label="Timeline" tabIndex={0} className="p-3 lg:min-h-0 lg:flex-1 lg:overflow-y-auto">
      <StepFocusProblem />
      {!main && !live && empty}
      {!main && live && (
        <p role="status" data-testid="run-starting" className="muted text-sm">
          Starting the run: loading the sandbox…
        </p>
      )}
      {steps.length > 0 && waterfall && <WaterfallView scrollRef={scrollRef} onOpenStep={openStep} />}
      {steps.length > 0 && !waterfall && (
        <ol aria-label="Steps" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full pb-3"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <TaskHeading run={main!} step={steps[item.index]!.index} />
              <LazyStepCard step={steps[item.index]!} run={main!} live={live} />
            </li>
          ))}
        </ol>
      )}
      {steps.length > 0 && <LatestVariables />}
      <FollowUpBox />
      {footer}
      </div>
    </div>
  );
}

/** A follow-up task starts a new section of the run: its heading comes before the section's first step. */
function TaskHeading({ run, step }: { run: AgentRunState; step: number }) {
  const n = run.tasks.findIndex((t, i) => i > 0 && t.fromStep === step);
  if (n < 0) return null;
  return (
    <h3 className="mb-2 border-t border-zinc-300 pt-2 text-sm font-semibold dark:border-zinc-700" data-testid="task-section">
      Follow-up task {n}: <span className="font-normal whitespace-pre-wrap">{run.tasks[n]!.task}</span>
    </h3>
  );
}
