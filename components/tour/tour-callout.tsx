'use client';
// One tour callout: a non-modal dialog next to the real element it explains, with a ring around that element. Next,
// Back, End tour; Escape ends the tour too. Focus moves into the callout when it opens and back to what it pointed at
// when the tour ends.
import Link from 'next/link';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { runOpenPlayground } from '@/lib/store/run-playground';
import { useRunStore } from '@/lib/store/run-store';
import { TOUR_STEPS, useTourStore, type TourStepId } from '@/lib/store/tour-store';
import { PRESS_RUN, TOUR_CONTENT, WAITING_FOR_STEP, focusAfter } from './tour-steps';
import { useCalloutPlace } from './use-callout-place';

export function TourCallout({ index }: { index: number }) {
  const id = TOUR_STEPS[index]!;
  const content = TOUR_CONTENT[id];
  const last = index === TOUR_STEPS.length - 1;
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const place = useCalloutPlace(id, ref);
  const hasStep = useRunStore((s) => s.state.steps.length > 0);
  const idle = useRunStore((s) => s.phase === 'idle');
  const { next, back, end } = useTourStore.getState();

  const placed = place !== undefined;
  useEffect(() => {
    // Each callout takes the focus as it opens (once it is placed and shows), so a screen reader reads it and the
    // keyboard can answer it.
    if (placed) ref.current?.focus({ preventScroll: true });
  }, [index, placed]);

  const close = (how: () => void) => {
    const after = focusAfter(id);
    how();
    after?.focus({ preventScroll: true });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    // Escape belongs to the tour here (elsewhere on the page it stops a run).
    e.preventDefault();
    e.stopPropagation();
    close(end);
  };
  const runForMe = () => {
    if (runOpenPlayground()) next();
  };

  return (
    <>
      {place?.ring && (
        <div
          aria-hidden="true"
          data-testid="tour-ring"
          className="pointer-events-none fixed z-40 rounded-md ring-4 ring-blue-600/70 dark:ring-blue-400/80"
          style={{ top: place.ring.top, left: place.ring.left, width: place.ring.width, height: place.ring.height }}
        />
      )}
      <div
        ref={ref}
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        data-testid="tour-callout"
        data-tour-step={id}
        data-side={place?.placement.side}
        onKeyDown={onKeyDown}
        className="card fixed z-50 w-[min(20rem,calc(100vw-1rem))] space-y-2 p-3 text-sm shadow-lg outline-none focus-visible:outline-2 focus-visible:outline-blue-600"
        style={{ top: place?.placement.top ?? 0, left: place?.placement.left ?? 0, visibility: place ? 'visible' : 'hidden' }}
      >
        <p className="muted text-xs">
          Tour, {index + 1} of {TOUR_STEPS.length}
        </p>
        <h2 id={titleId} className="font-semibold">
          {content.title}
        </h2>
        <div id={bodyId} className="space-y-2">
          {content.body.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {id === 'run' && !hasStep && idle && <p>{PRESS_RUN}</p>}
          {id === 'step' && !hasStep && <p>{WAITING_FOR_STEP}</p>}
        </div>
        {last && (
          // Following the link finishes the tour: it was the last callout.
          <p>
            <Link href="/how-it-works" onClick={end} className="font-medium text-blue-800 underline hover:text-blue-950 dark:text-blue-300 dark:hover:text-blue-100">
              How the agent loop works
            </Link>
          </p>
        )}
        <Buttons id={id} index={index} last={last} offerRun={id === 'run' && !hasStep && idle} onRun={runForMe} onBack={back} onNext={() => (last ? close(next) : next())} onEnd={() => close(end)} />
      </div>
    </>
  );
}

function Buttons(props: { id: TourStepId; index: number; last: boolean; offerRun: boolean; onRun: () => void; onBack: () => void; onNext: () => void; onEnd: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2 pt-1">
      {props.index > 0 && (
        <button type="button" className="btn text-xs" onClick={props.onBack}>
          Back
        </button>
      )}
      {props.offerRun && (
        <button type="button" className="btn text-xs" onClick={props.onRun}>
          Run it for me
        </button>
      )}
      <button type="button" className="btn-primary text-xs" onClick={props.onNext}>
        {props.last ? 'Finish' : 'Next'}
      </button>
      <button type="button" className="btn-ghost ml-auto text-xs" onClick={props.onEnd}>
        End tour
      </button>
    </div>
  );
}
