'use client';
// `Waterfall`: swaps the step cards for the waterfall of the run, and back.
import { useTimelineViewStore } from '@/lib/store/timeline-view-store';

export function WaterfallToggle() {
  const on = useTimelineViewStore((s) => s.view === 'waterfall');
  const setView = useTimelineViewStore((s) => s.setView);
  return (
    <button type="button" className="btn ml-2 text-xs" aria-pressed={on} onClick={() => setView(on ? 'list' : 'waterfall')}>
      Waterfall
    </button>
  );
}
