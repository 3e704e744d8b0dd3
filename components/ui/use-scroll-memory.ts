'use client';
// Binds a scroll memory to an element (or to the page itself) in React: one position per key.
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { createScrollMemory, type ScrollMemory, type Scroller } from './scroll-memory';

/** What the person does to scroll or type: their own position then wins over a restore still waiting for content. */
const PERSON_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Keeps a scroll position per `key` in `target` (an element, or `'document'` for the page). While `enabled` is false
 * it does nothing (the other layout scrolls something else).
 */
export function useScrollMemory(key: string, target: RefObject<HTMLElement | null> | 'document', enabled: boolean): void {
  const memory = useRef<ScrollMemory | null>(null);
  useLayoutEffect(() => {
    if (!enabled) return;
    const el = target === 'document' ? document.scrollingElement : target.current;
    if (!(el instanceof HTMLElement)) return;
    memory.current ??= createScrollMemory();
    const m = memory.current;
    const scroller: Scroller = {
      get: () => el.scrollTop,
      set: (top) => {
        el.scrollTop = top;
      },
    };
    m.open(key, scroller);
    const events: EventTarget = target === 'document' ? window : el;
    const onScroll = () => m.scrolled(scroller);
    const cancel = () => m.cancel();
    // The element's size stays put while its content grows; the page grows with the body.
    const observer = new ResizeObserver(() => m.resized(scroller));
    for (const child of target === 'document' ? [document.body] : [...el.children]) observer.observe(child);
    events.addEventListener('scroll', onScroll, { passive: true });
    for (const type of PERSON_INPUT) window.addEventListener(type, cancel, { capture: true, passive: true });
    return () => {
      observer.disconnect();
      events.removeEventListener('scroll', onScroll);
      for (const type of PERSON_INPUT) window.removeEventListener(type, cancel, { capture: true });
    };
  }, [key, target, enabled]);
}
