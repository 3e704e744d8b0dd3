'use client';
// Opens a step's card from elsewhere on the timeline (the waterfall): back to the list, scrolled to the step (the list
// is virtualized, so the card may render a few frames later), its card focused.
import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { StepState } from '@/lib/agent/run-state';
import { useStepFocusStore } from '@/lib/store/step-focus-store';
import { useTimelineViewStore } from '@/lib/store/timeline-view-store';

const FOCUS_FRAMES = 30;

export function useOpenStep(steps: readonly StepState[], virtualizer: Virtualizer<HTMLDivElement, Element>, scrollRef: RefObject<HTMLDivElement | null>): (step: number) => void {
  const view = useTimelineViewStore((s) => s.view);
  const [request, setRequest] = useState<{ step: number }>();
  const done = useRef<{ step: number }>(undefined);
  // A link to a step shows its card: from the waterfall too.
  const linked = useStepFocusStore((s) => s.request);
  useEffect(() => {
    if (linked) useTimelineViewStore.getState().setView('list');
  }, [linked]);
  useEffect(() => {
    if (!request || done.current === request || view !== 'list') return;
    const index = steps.findIndex((s) => s.index === request.step);
    if (index < 0) return;
    done.current = request;
    virtualizer.scrollToIndex(index, { align: 'start' });
    let frames = 0;
    const focus = () => {
      const card = scrollRef.current?.querySelector<HTMLElement>(`li[data-index="${index}"] article[data-testid="step"]`);
      if (card) {
        card.scrollIntoView({ block: 'start' });
        card.focus({ preventScroll: true });
      } else if (frames++ < FOCUS_FRAMES) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  }, [request, view, steps, virtualizer, scrollRef]);
  return useCallback((step: number) => {
    setRequest({ step });
    useTimelineViewStore.getState().setView('list');
  }, []);
}
