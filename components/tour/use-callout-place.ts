'use client';
// Keeps a callout next to its target while the page scrolls, resizes or the target moves (a step card in a
// virtualized list, a prompt that is still being built): measured once a frame while the callout is open.
import { useEffect, useState, type RefObject } from 'react';
import type { TourStepId } from '@/lib/store/tour-store';
import { placeCallout, visiblePart, type Box, type Placement } from './callout-position';
import { findTarget } from './tour-steps';

export interface CalloutPlace {
  placement: Placement;
  /** The visible part of the target, for the ring drawn around it. */
  ring?: Box;
}

/** What a sticky header covers at the top of the window (on a phone the header and the view switch stay on top). */
function stickyInset(target: HTMLElement): number {
  const bar = document.querySelector('header')?.parentElement;
  if (!bar || getComputedStyle(bar).position !== 'sticky' || bar.contains(target)) return 0;
  return bar.getBoundingClientRect().bottom;
}

function same(a: CalloutPlace | undefined, b: CalloutPlace | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function useCalloutPlace(step: TourStepId, callout: RefObject<HTMLElement | null>): CalloutPlace | undefined {
  const [place, setPlace] = useState<CalloutPlace>();
  useEffect(() => {
    let frame = 0;
    let last: CalloutPlace | undefined;
    let scrolledTo: HTMLElement | undefined;
    const measure = () => {
      frame = requestAnimationFrame(measure);
      const target = findTarget(step);
      const box = callout.current;
      if (!target || !box) return;
      const viewport = { width: window.innerWidth, height: window.innerHeight };
      const inset = stickyInset(target);
      if (scrolledTo !== target) {
        // Once per target: bring it into view (a tall one shows its top, under the sticky header on a phone).
        scrolledTo = target;
        const r = target.getBoundingClientRect();
        if (r.top < inset || r.bottom > viewport.height) {
          target.scrollIntoView({ block: r.height < viewport.height / 2 ? 'center' : 'start' });
          if (inset > 0 && target.getBoundingClientRect().top < inset) window.scrollBy(0, target.getBoundingClientRect().top - inset - 8);
        }
      }
      const r = target.getBoundingClientRect();
      const rect: Box = { top: r.top, left: r.left, width: r.width, height: r.height };
      const next: CalloutPlace = {
        placement: placeCallout(rect, { width: box.offsetWidth, height: box.offsetHeight }, viewport, inset),
        ring: visiblePart(rect, viewport, inset),
      };
      if (!same(last, next)) {
        last = next;
        setPlace(next);
      }
    };
    frame = requestAnimationFrame(measure);
    return () => cancelAnimationFrame(frame);
  }, [step, callout]);
  return place;
}
