'use client';
// The run as a waterfall: where the time went, step by step, on one axis; or the same as a table.
import { useMemo, type RefObject } from 'react';
import { useRunStore } from '@/lib/store/run-store';
import { useTimelineViewStore } from '@/lib/store/timeline-view-store';
import { waterfallOf } from '@/lib/trace/waterfall';
import { ERROR_STYLE, PART_COLOUR, WaterfallChart } from './waterfall-chart';
import { WaterfallTable } from './waterfall-table';

interface Props {
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Shows the step card of this top-level step (the list view, scrolled to it). */
  onOpenStep: (step: number) => void;
}

export function WaterfallView({ scrollRef, onOpenStep }: Props) {
  const events = useRunStore((s) => s.events);
  const waterfall = useMemo(() => waterfallOf(events), [events]);
  const table = useTimelineViewStore((s) => s.table);
  const setTable = useTimelineViewStore((s) => s.setTable);
  return (
    <section aria-label="Waterfall of the run" data-testid="waterfall" className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <button type="button" className="btn text-xs" aria-pressed={table} onClick={() => setTable(!table)}>
          Table
        </button>
        {!table && <Legend />}
      </div>
      {table ? <WaterfallTable waterfall={waterfall} onOpenStep={onOpenStep} /> : <WaterfallChart waterfall={waterfall} scrollRef={scrollRef} onOpenStep={onOpenStep} />}
    </section>
  );
}

function Legend() {
  const swatch = 'inline-block h-2.5 w-4 rounded-sm align-middle';
  return (
    <ul aria-label="Legend" className="muted flex flex-wrap gap-x-3 text-xs">
      <li><span aria-hidden className={`${swatch} ${PART_COLOUR.model}`} /> model call <span aria-hidden className="font-bold">|</span> first token</li>
      <li><span aria-hidden className={`${swatch} ${PART_COLOUR.code}`} /> code</li>
      <li><span aria-hidden className={`${swatch} ${PART_COLOUR.tool}`} /> tool call</li>
      <li><span aria-hidden className={`${swatch} ${PART_COLOUR.member}`} /> team member</li>
      <li><span aria-hidden className="font-bold text-amber-700 dark:text-amber-400">↻</span> retry</li>
      <li><span aria-hidden className={`${swatch} ${ERROR_STYLE}`} /> <span aria-hidden className="font-bold text-red-700 dark:text-red-400">✕</span> error</li>
    </ul>
  );
}
