// Preferences of this browser that are not part of the playground: the theme and the open tab; and, not kept, which
// column a phone shows (the playground or the run).
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type EditorTab = 'task' | 'tools' | 'settings' | 'prompt';
/** Below the `lg` breakpoint one column shows at a time; at `lg` and wider both do and this is ignored. */
export type PhoneView = 'playground' | 'run';

export interface UiStore {
  theme: ThemeChoice;
  tab: EditorTab;
  view: PhoneView;
  setTheme: (theme: ThemeChoice) => void;
  setTab: (tab: EditorTab) => void;
  setView: (view: PhoneView) => void;
}

export const useUiStore = create<UiStore>()(
  persist(
    (set) => ({
      theme: 'system',
      tab: 'task',
      view: 'playground',
      setTheme: (theme) => set({ theme }),
      setTab: (tab) => set({ tab }),
      setView: (view) => set({ view }),
    }),
    {
      name: 'agent-playground:ui',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      skipHydration: true,
      // Anything unexpected in storage falls back to the defaults.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<UiStore>;
        return {
          ...current,
          ...(p.theme === 'light' || p.theme === 'dark' || p.theme === 'system' ? { theme: p.theme } : {}),
          ...(p.tab && ['task', 'tools', 'settings', 'prompt'].includes(p.tab) ? { tab: p.tab } : {}),
        };
      },
      partialize: ({ theme, tab }) => ({ theme, tab }),
    },
  ),
);
