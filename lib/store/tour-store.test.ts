import { beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage, type MemoryStorage } from '../test-support/memory-storage';
import { hydrateTourStore, offerShows, setTourStorage, TOUR_STEPS, TOUR_STORAGE, useTourStore } from './tour-store';

let storage: MemoryStorage;
beforeEach(() => {
  storage = memoryStorage();
  setTourStorage(() => storage);
  useTourStore.setState({ hydrated: false, status: 'new', step: undefined });
});

const stored = () => JSON.parse(storage.getItem(TOUR_STORAGE)!).state;
const offer = () => offerShows(useTourStore.getState());

describe('the tour store', () => {
  it('offers the tour on a first visit, but only once the stored answer was read', async () => {
    expect(offer()).toBe(false);
    await hydrateTourStore();
    expect(offer()).toBe(true);
  });

  it('never offers it again after No thanks, on this visit or the next', async () => {
    await hydrateTourStore();
    useTourStore.getState().dismiss();
    expect(offer()).toBe(false);
    expect(stored()).toEqual({ status: 'dismissed' });

    // The next visit: a fresh page state, the same storage.
    const kept = storage.getItem(TOUR_STORAGE)!;
    useTourStore.setState({ hydrated: false, status: 'new' });
    storage.setItem(TOUR_STORAGE, kept);
    await hydrateTourStore();
    expect(useTourStore.getState().status).toBe('dismissed');
    expect(offer()).toBe(false);
  });

  it('walks the four callouts forward and back, and finishes after the last', async () => {
    await hydrateTourStore();
    const tour = useTourStore.getState();
    tour.start();
    expect(offer()).toBe(false);
    expect(useTourStore.getState().step).toBe(0);
    tour.back();
    expect(useTourStore.getState().step).toBe(0);
    tour.next();
    tour.next();
    expect(TOUR_STEPS[useTourStore.getState().step!]).toBe('run');
    tour.back();
    expect(TOUR_STEPS[useTourStore.getState().step!]).toBe('tools');
    tour.next();
    tour.next();
    expect(TOUR_STEPS[useTourStore.getState().step!]).toBe('step');
    tour.next();
    expect(useTourStore.getState().step).toBeUndefined();
    expect(stored()).toEqual({ status: 'finished' });
  });

  it('ending midway closes the tour for good; the open callout is never stored', async () => {
    await hydrateTourStore();
    useTourStore.getState().start();
    useTourStore.getState().next();
    expect(stored()).toEqual({ status: 'new' });
    useTourStore.getState().end();
    expect(useTourStore.getState().step).toBeUndefined();
    expect(stored()).toEqual({ status: 'ended' });
    expect(offer()).toBe(false);
  });

  it('treats a broken stored value as a first visit', async () => {
    storage.setItem(TOUR_STORAGE, JSON.stringify({ version: 1, state: { status: 'banana' } }));
    await hydrateTourStore();
    expect(useTourStore.getState().status).toBe('new');
    storage.setItem(TOUR_STORAGE, '{not json');
    useTourStore.setState({ hydrated: false });
    await hydrateTourStore();
    expect(offer()).toBe(true);
  });

  it('still closes when the browser refuses to store the answer', async () => {
    storage.quota = 0;
    await hydrateTourStore();
    useTourStore.getState().dismiss();
    expect(offer()).toBe(false);
  });
});
