'use client';
// The theme in effect: the person's choice, or the system's when they chose "system".
import { useEffect, useSyncExternalStore } from 'react';
import { useUiStore } from '@/lib/store/ui-store';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
}

export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useUiStore((s) => s.theme);
  const systemDark = useSystemDark();
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Puts the theme in effect on the page as the `dark` class on <html> (the playground and the How it works page). */
export function useApplyTheme(): 'light' | 'dark' {
  const resolved = useResolvedTheme();
  useEffect(() => {
    document.documentElement.classList.toggle('dark', resolved === 'dark');
  }, [resolved]);
  return resolved;
}
