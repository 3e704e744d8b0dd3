import { beforeEach, describe, expect, it } from 'vitest';
import { useTimelineViewStore } from './timeline-view-store';

describe('timeline view', () => {
  beforeEach(() => useTimelineViewStore.setState({ view: 'list', table: false }));

  it('shows the step cards until the waterfall is asked for, and keeps the table choice across toggles', () => {
    const store = useTimelineViewStore.getState();
    expect(useTimelineViewStore.getState().view).toBe('list');
    store.setView('waterfall');
    store.setTable(true);
    store.setView('list');
    store.setView('waterfall');
    expect(useTimelineViewStore.getState()).toMatchObject({ view: 'waterfall', table: true });
  });
});
