import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentEvent } from '../agent';
import { EXAMPLES } from '../playground/examples';
import { compactEvents } from '../share/share-link';
import { runToEnd } from '../test-support/playgrounds';
import { createEmbedStore } from './embed-store';

let events: AgentEvent[];
beforeAll(async () => {
  events = compactEvents((await runToEnd(EXAMPLES[0]!.playground)).events);
});
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const store = createEmbedStore();
const embed = () => store.getState();
const answer = () => embed().state.runs[0]?.finalAnswer?.value;

describe('the embed', () => {
  it('shows the whole recorded run at once; Replay shows it again from the start, step by step, to the same answer', () => {
    embed().load({ playground: EXAMPLES[0]!.playground, run: { events } });
    const final = answer();
    expect(final).toBeDefined();
    const steps = embed().state.steps.length;
    embed().replay({ stepMs: 100, eventMs: 10, maxTotalMs: 10_000 });
    expect(embed()).toMatchObject({ replaying: true, shown: 0 });
    expect(answer()).toBeUndefined();
    vi.advanceTimersByTime(100);
    expect(embed().state.steps.length).toBeLessThan(steps);
    vi.runAllTimers();
    expect(embed()).toMatchObject({ replaying: false, shown: events.length });
    expect(answer()).toEqual(final);
    expect(embed().state.steps).toHaveLength(steps);
  });

  it('a playground without a run has nothing to replay; a broken record says what is wrong', () => {
    embed().load({ playground: EXAMPLES[0]!.playground });
    expect(embed().events).toEqual([]);
    embed().replay();
    expect(embed().replaying).toBe(false);
    embed().load({ playground: 'nope' });
    expect(embed().problem).toContain('This published playground could not be shown');
  });
});
