// Preferences of this browser that are not part of the playground: the theme and the open tab.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type EditorTab = 'task' | 'tools' | 'settings' | 'prompt';

export interface UiStore {
  theme: ThemeChoice;
  tab: EditorTab;
  setTheme: (theme: ThemeChoice) => void;
  setTab: (tab: EditorTab) => void;
}

export const useUiStore = create<UiStore>()(
  persist(
    (set) => ({
      theme: 'system',
      tab: 'task',
      setTheme: (theme) => set({ theme }),
      setTab: (tab) => set({ tab }),
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
