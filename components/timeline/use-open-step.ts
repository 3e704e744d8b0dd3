'use client';
// Opens a step's card from elsewhere on the timeline (the waterfall) the way a link to the step does: back to the
// list, scrolled to the step, its card focused and open (use-step-focus.ts). A link that arrives while the waterfall
// is shown switches back to the list too.
import { useCallback, useEffect } from 'react';
import { useStepFocusStore } from '@/lib/store/step-focus-store';
import { useTimelineViewStore } from '@/lib/store/timeline-view-store';

export function useOpenStep(): (step: number) => void {
  const linked = useStepFocusStore((s) => s.request);
  useEffect(() => {
    if (linked) useTimelineViewStore.getState().setView('list');
  }, [linked]);
  return useCallback((step: number) => {
    useTimelineViewStore.getState().setView('list');
    useStepFocusStore.getState().focusStep(step);
  }, []);
}
