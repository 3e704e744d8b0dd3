import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pausableTimeout } from './pausable-timer';

describe('pausableTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const clock = () => Date.now();

  it('fires after its time, not counting the time it stood still', () => {
    const fire = vi.fn();
    const t = pausableTimeout(fire, 100, clock);
    vi.advanceTimersByTime(60);
    t.pause();
    vi.advanceTimersByTime(10_000);
    expect(fire).not.toHaveBeenCalled();
    t.resume();
    vi.advanceTimersByTime(39);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('stands still until the last of nested pauses ends, and never fires once cleared', () => {
    const fire = vi.fn();
    const t = pausableTimeout(fire, 50, clock);
    t.pause();
    t.pause();
    t.resume();
    vi.advanceTimersByTime(1_000);
    expect(fire).not.toHaveBeenCalled();
    t.resume();
    t.resume(); // one resume too many changes nothing
    vi.advanceTimersByTime(50);
    expect(fire).toHaveBeenCalledTimes(1);
    const other = vi.fn();
    const u = pausableTimeout(other, 10, clock);
    u.clear();
    u.resume();
    vi.advanceTimersByTime(100);
    expect(other).not.toHaveBeenCalled();
  });
});
