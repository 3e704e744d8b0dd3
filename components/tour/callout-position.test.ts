import { describe, expect, it } from 'vitest';
import { placeCallout, visiblePart } from './callout-position';

const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };
const callout = { width: 320, height: 180 };

function overlaps(a: { top: number; left: number; width: number; height: number }, b: { top: number; left: number; width: number; height: number }) {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('placeCallout', () => {
  it('puts the callout under a small target near the top, without covering it', () => {
    const run = { top: 10, left: 1300, width: 70, height: 32 };
    const p = placeCallout(run, callout, desktop);
    expect(p.side).toBe('below');
    expect(p.top).toBe(50);
    // Kept inside the window on the right.
    expect(p.left + callout.width).toBeLessThanOrEqual(desktop.width - 8);
    expect(overlaps({ ...p, ...callout }, run)).toBe(false);
  });

  it('goes above a target at the bottom of the window', () => {
    const card = { top: 700, left: 800, width: 600, height: 150 };
    const p = placeCallout(card, callout, desktop);
    expect(p.side).toBe('above');
    expect(p.top + callout.height).toBeLessThanOrEqual(700);
  });

  it('goes beside a target taller than the window, next to the part that shows', () => {
    const prompt = { top: 200, left: 12, width: 730, height: 3000 };
    const p = placeCallout(prompt, callout, desktop);
    expect(p.side).toBe('right');
    expect(p.left).toBeGreaterThanOrEqual(742);
    expect(p.top).toBe(200);
  });

  it('on a phone, with no room on any side, sits at the bottom of the window instead of off-screen', () => {
    const prompt = { top: 150, left: 12, width: 366, height: 3000 };
    const p = placeCallout(prompt, callout, phone);
    expect(p.side).toBe('inside');
    expect(p.top + callout.height).toBeLessThanOrEqual(phone.height);
    expect(p.left).toBeGreaterThanOrEqual(8);
  });

  it('never goes under a sticky header', () => {
    const task = { top: 40, left: 12, width: 366, height: 700 };
    const p = placeCallout(task, callout, phone, 100);
    expect(p.top).toBeGreaterThanOrEqual(100);
  });
});

describe('visiblePart', () => {
  it('cuts the target to the window and the header', () => {
    expect(visiblePart({ top: -50, left: 0, width: 100, height: 2000 }, desktop, 60)).toEqual({ top: 60, left: 0, width: 100, height: 840 });
    expect(visiblePart({ top: 1000, left: 0, width: 100, height: 50 }, desktop)).toBeUndefined();
  });
});
