'use client';
// Escape stops a running run (Stop advertises it with aria-keyshortcuts), unless the key already means something where
// it was pressed: in an editor or a text field, or while a dialog, menu or popover is open (Escape closes that first).
import { useEffect } from 'react';
import { useRunStore } from '@/lib/store/run-store';

/** Where Escape belongs to the control: Monaco, text fields, selects, anything editable, and open menus or dialogs. */
const OWNS_ESCAPE = [
  '.monaco-editor',
  'textarea',
  'select',
  '[contenteditable]:not([contenteditable="false"])',
  'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"])',
  '[role="dialog"]',
  '[role="menu"]',
  '[role="listbox"]',
  '[role="combobox"]',
].join(', ');

/** An open layer that Escape closes: a modal or plain <dialog>, a popover, an ARIA modal. */
const OPEN_LAYER = ['dialog[open]', '[aria-modal="true"]', ...(typeof CSS !== 'undefined' && CSS.supports('selector(:popover-open)') ? [':popover-open'] : [])].join(', ');

export function escapeStopsRunHere(target: EventTarget | null, doc: Document): boolean {
  if (target instanceof Element && target.closest(OWNS_ESCAPE)) return false;
  return doc.querySelector(OPEN_LAYER) === null;
}

export function useEscapeStopsRun(): void {
  useEffect(() => {
    // Bubble phase on window: menus and dialogs that handle Escape themselves (and cancel it) are heard first.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || e.repeat) return;
      const run = useRunStore.getState();
      if (run.phase !== 'running' || !escapeStopsRunHere(e.target, document)) return;
      e.preventDefault();
      run.stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
