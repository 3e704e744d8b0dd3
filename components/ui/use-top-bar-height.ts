'use client';
// Publishes the height of the page's sticky top bar as the CSS variable `--top-bar` on <html>: what sticks under it (the
// editor's tabs on a phone) and what the browser scrolls into view (scroll-padding) then clear it, whatever its height
// (the More rows open or closed).
import { useCallback } from 'react';

export const TOP_BAR_VARIABLE = '--top-bar';

/** A ref callback for the top bar (React 19: its cleanup runs when the bar unmounts). */
export function useTopBarHeight(): (bar: HTMLElement | null) => (() => void) | undefined {
  return useCallback((bar: HTMLElement | null) => {
    if (!bar) return undefined;
    const root = document.documentElement;
    const publish = () => root.style.setProperty(TOP_BAR_VARIABLE, `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty(TOP_BAR_VARIABLE);
    };
  }, []);
}
