'use client';
// The two runs' steps in columns, aligned by step: step N of A beside step N of B. The compact step loads on demand:
// its code highlighter (acorn) stays off the page's first load, as the timeline's step card does.
import { lazy, Suspense } from 'react';
import type { CompareSide } from '@/lib/store/compare-store';

const CompactStep = lazy(() => import('./compact-step').then((m) => ({ default: m.CompactStep })));

export function CompareTimelines({ sides }: { sides: CompareSide[] }) {
  const stepsOf = (side: CompareSide) => side.state.steps.filter((s) => !s.parent);
  const columns = sides.map(stepsOf);
  const rows = Math.max(0, ...columns.map((steps) => steps.length));
  return (
    <Suspense fallback={<p className="muted text-sm">Loading the timelines…</p>}>
      <div role="group" aria-label="Timelines side by side" className="grid grid-cols-2 gap-2">
        {sides.map((side) => (
          <h3 key={side.label} className="text-sm font-semibold">
            {side.label} timeline
          </h3>
        ))}
        {Array.from({ length: rows }, (_, i) =>
          columns.map((steps, c) => {
            const step = steps[i];
            const side = sides[c]!;
            return step ? <CompactStep key={`${c}-${step.id}`} step={step} side={side.label} /> : <div key={`${c}-none-${i}`} aria-hidden="true" />;
          }),
        )}
      </div>
    </Suspense>
  );
}
