'use client';
// Light, dark, or as the system says; applied to the page as the `dark` class.
import { useUiStore, type ThemeChoice } from '@/lib/store/ui-store';
import { useApplyTheme } from './use-theme';

export function ThemeToggle() {
  const theme = useUiStore((s) => s.theme);
  const setTheme = useUiStore((s) => s.setTheme);
  const resolved = useApplyTheme();
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">Theme</span>
      <span aria-hidden>{resolved === 'dark' ? '☾' : '☀'}</span>
      <select className="field w-auto" aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
