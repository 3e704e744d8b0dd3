import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../agent';
import { EXAMPLES } from '../playground/examples';
import { compactEvents } from '../share/share-link';
import { runToEnd } from '../test-support/playgrounds';
import { replayGaps } from './replay-schedule';

let events: AgentEvent[];
beforeAll(async () => {
  events = compactEvents((await runToEnd(EXAMPLES[0]!.playground)).events);
});

describe('the pace of an offline replay', () => {
  it('shows the first event at once, pauses longer before each step than between its parts', () => {
    const gaps = replayGaps(events, { stepMs: 500, eventMs: 100, maxTotalMs: 1e9 });
    expect(gaps).toHaveLength(events.length);
    expect(gaps[0]).toBe(0);
    events.forEach((e, i) => {
      if (i > 0) expect(gaps[i]).toBe(e.type === 'step_start' ? 500 : 100);
    });
  });

  it('keeps a long run’s replay within its time budget', () => {
    const many = Array.from({ length: 40 }, () => events).flat();
    const gaps = replayGaps(many, { stepMs: 600, eventMs: 120, maxTotalMs: 5_000 });
    expect(gaps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5_000 + many.length);
    expect(gaps.every((g) => g >= 0)).toBe(true);
  });
});
