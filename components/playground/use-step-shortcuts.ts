'use client';
// F10 runs the next step of a paused run and F8 continues it to the end, as in a debugger (the buttons advertise them).
import { useEffect } from 'react';
import { useRunStore } from '@/lib/store/run-store';

export function useStepShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'F10' && e.key !== 'F8') || e.defaultPrevented || e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
      const run = useRunStore.getState();
      if (!run.paused || run.phase !== 'running') return;
      e.preventDefault();
      if (e.key === 'F10') run.nextStep();
      else run.continueRun();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
