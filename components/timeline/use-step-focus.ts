'use client';
// Shows the step a link asks for: scrolls the (virtualized) timeline to it, moves focus to its card, and opens it
// (the card's inspector reads the shown step); or says why it can't. While a run goes on, a step still to come waits.
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import type { StepState } from '@/lib/agent/run-state';
import { missingStepProblem } from '@/lib/share/step-numbers';
import { useStepFocusStore } from '@/lib/store/step-focus-store';
import { useTimelineViewStore } from '@/lib/store/timeline-view-store';

/** Frames to keep placing the card (about a second) before leaving the scroll to the person. */
const FOCUS_FRAMES = 60;
/** Frames the card must stay at the top of the timeline to count as placed. */
const STILL_FRAMES = 5;

export function useStepFocus(steps: readonly StepState[], live: boolean, virtualizer: Virtualizer<HTMLDivElement, Element>, scrollRef: RefObject<HTMLDivElement | null>) {
  const request = useStepFocusStore((s) => s.request);
  /** The request being placed; a newer request, a problem or the person's own scrolling ends the placing. */
  const placing = useRef<number | undefined>(undefined);
  // The cards are drawn only in the list view: a request waits while the waterfall is shown (useOpenStep switches).
  const list = useTimelineViewStore((s) => s.view === 'list');
  useEffect(() => {
    if (!request || !list) return;
    placing.current = request.id;
    const index = steps.findIndex((s) => s.index === request.step);
    if (index < 0) {
      const problem = missingStepProblem(request.step, steps.map((s) => s.index), live);
      if (problem) {
        placing.current = undefined;
        useStepFocusStore.getState().fail(problem);
      }
      return;
    }
    useStepFocusStore.getState().showed(request);
    virtualizer.scrollToIndex(index, { align: 'start' });
    // Not cancelled when the request settles (which re-runs this effect): the card may render a few frames later, and
    // the rows above it (measured as they render) and its own opened inspector move it, so it is aligned again until
    // it stays put.
    let frames = 0;
    let still = 0;
    let focused = false;
    let last = Number.NaN;
    const box = scrollRef.current;
    const events = ['wheel', 'pointerdown', 'touchstart', 'keydown'] as const;
    const stop = () => {
      if (placing.current === request.id) placing.current = undefined;
      for (const event of events) box?.removeEventListener(event, stop);
    };
    for (const event of events) box?.addEventListener(event, stop, { passive: true });
    const show = () => {
      if (placing.current !== request.id) return stop();
      const card = box?.querySelector<HTMLElement>(`li[data-index="${index}"] > article[data-testid="step"]`);
      if (box && card) {
        if (!focused) {
          card.focus({ preventScroll: true });
          focused = true;
        }
        const offset = card.getBoundingClientRect().top - box.getBoundingClientRect().top;
        // At the end of the list the card can't reach the top: it counts as placed once it stops moving.
        still = Math.abs(offset - last) <= 1 ? still + 1 : 0;
        last = offset;
        if (Math.abs(offset) > 1) card.scrollIntoView({ block: 'start' });
      }
      if (still < STILL_FRAMES && frames++ < FOCUS_FRAMES) requestAnimationFrame(show);
      else stop();
    };
    requestAnimationFrame(show);
  }, [request, list, steps, live, virtualizer, scrollRef]);
}
