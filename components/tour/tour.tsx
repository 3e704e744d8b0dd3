'use client';
// The first-visit tour, mounted once in the playground: the offer while this browser never answered it, the open
// callout while a tour is going. A link to `/?tour` (the How it works page has one) starts it again.
import { useEffect } from 'react';
import { hydrateTourStore, offerShows, TOUR_STEPS, useTourStore } from '@/lib/store/tour-store';
import { useUiStore } from '@/lib/store/ui-store';
import { TourCallout } from './tour-callout';
import { TourOffer } from './tour-offer';
import { TOUR_CONTENT } from './tour-steps';

export function Tour() {
  const offer = useTourStore(offerShows);
  const step = useTourStore((s) => s.step);

  useEffect(() => {
    void hydrateTourStore().then(() => {
      const url = new URL(window.location.href);
      if (!url.searchParams.has('tour')) return;
      url.searchParams.delete('tour');
      window.history.replaceState(window.history.state, '', url);
      useTourStore.getState().start();
    });
  }, []);

  useEffect(() => {
    // Each callout opens what shows its target: the Task or Prompt tab, the playground or the run on a phone.
    if (step === undefined) return;
    const { tab, view } = TOUR_CONTENT[TOUR_STEPS[step]!];
    if (tab) useUiStore.getState().setTab(tab);
    if (view) useUiStore.getState().setView(view);
  }, [step]);

  return (
    <>
      {offer && <TourOffer />}
      {step !== undefined && <TourCallout index={step} />}
    </>
  );
}
