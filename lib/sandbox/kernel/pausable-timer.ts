// A timer whose clock can stand still: the step's deadline while the code waits for a person (user_input), so the
// time a person takes to answer never counts against the step's time limit.

export interface PausableTimer {
  /** Stops the clock (nested pauses: it runs again after as many resumes). */
  pause(): void;
  resume(): void;
  clear(): void;
}

export function pausableTimeout(fire: () => void, ms: number, now: () => number = () => performance.now()): PausableTimer {
  let remaining = ms;
  let startedAt = now();
  let paused = 0;
  let cleared = false;
  let handle: ReturnType<typeof setTimeout> | undefined = setTimeout(fire, remaining);
  return {
    pause() {
      if (cleared || paused++ > 0) return;
      clearTimeout(handle);
      handle = undefined;
      remaining = Math.max(0, remaining - (now() - startedAt));
    },
    resume() {
      if (cleared || paused === 0 || --paused > 0) return;
      startedAt = now();
      handle = setTimeout(fire, remaining);
    },
    clear() {
      cleared = true;
      clearTimeout(handle);
    },
  };
}
