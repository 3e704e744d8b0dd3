'use client';
// The first-visit offer: a slim bar in the page's flow (never over a control, never taking focus). No thanks hides it
// for good; Take the tour opens the first callout.
import { useRef } from 'react';
import { useTourStore } from '@/lib/store/tour-store';

/** The first control after `from` in the page that can take focus and shows, so focus doesn't fall to the page's start. */
function nextFocusable(from: HTMLElement): HTMLElement | undefined {
  const all = document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])');
  return Array.from(all).find(
    (el) => !from.contains(el) && from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
}

export function TourOffer() {
  const ref = useRef<HTMLElement>(null);
  const { start, dismiss } = useTourStore.getState();
  const noThanks = () => {
    const next = ref.current ? nextFocusable(ref.current) : undefined;
    dismiss();
    next?.focus();
  };
  return (
    <section
      ref={ref}
      aria-label="Tour"
      data-testid="tour-offer"
      className="mx-3 mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-sky-300 bg-sky-50 px-3 py-1.5 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      <p className="min-w-0 flex-1">
        <span className="font-medium">New here? Take the 1-minute tour</span>
        <span className="hidden sm:inline">: four callouts on this page, from the task to one step of the agent loop.</span>
      </p>
      <div className="flex gap-2">
        <button type="button" className="btn-primary text-xs" onClick={start}>
          Take the tour
        </button>
        <button type="button" className="btn text-xs" onClick={noThanks}>
          No thanks
        </button>
      </div>
    </section>
  );
}
