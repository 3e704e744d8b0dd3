'use client';
// Step through: the checkbox beside Run, and Next step / Continue while a stepped run is paused (F10 / F8).
import { useRunStore } from '@/lib/store/run-store';

export function StepThroughToggle() {
  const on = useRunStore((s) => s.stepThrough);
  const setStepThrough = useRunStore((s) => s.setStepThrough);
  return (
    <label className="flex items-center gap-1 text-sm whitespace-nowrap" title="Step through: pause after every step">
      <input type="checkbox" checked={on} onChange={(e) => setStepThrough(e.target.checked)} />
      Step through
    </label>
  );
}

export function PausedControls() {
  const paused = useRunStore((s) => s.paused);
  const phase = useRunStore((s) => s.phase);
  const { nextStep, continueRun } = useRunStore.getState();
  if (!paused || phase !== 'running') return null;
  return (
    <>
      <button type="button" className="btn" onClick={nextStep} aria-keyshortcuts="F10" title="Next step (F10)">
        Next step
      </button>
      <button type="button" className="btn" onClick={continueRun} aria-keyshortcuts="F8" title="Continue to the end (F8)">
        Continue
      </button>
    </>
  );
}
