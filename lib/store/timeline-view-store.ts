// How the timeline shows the run: the list of step cards or the waterfall (as bars, or as its table). Not kept.
import { create } from 'zustand';

export type TimelineView = 'list' | 'waterfall';

export interface TimelineViewStore {
  view: TimelineView;
  /** The waterfall shown as a table (its keyboard and screen-reader form). */
  table: boolean;
  setView: (view: TimelineView) => void;
  setTable: (table: boolean) => void;
}

export const useTimelineViewStore = create<TimelineViewStore>((set) => ({
  view: 'list',
  table: false,
  setView: (view) => set({ view }),
  setTable: (table) => set({ table }),
}));
