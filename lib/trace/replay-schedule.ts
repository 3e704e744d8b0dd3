// The pace of an offline replay of recorded events (the embed's Replay): when each event appears, so a step's parts
// come in the order they happened, steps stand apart, and the whole replay stays short. No model, no sandbox: the
// recorded events are shown again, one after another.
import type { AgentEvent } from '../agent/events';

export interface ReplayPace {
  /** Before a step starts. */
  stepMs: number;
  /** Before any other event. */
  eventMs: number;
  /** The whole replay takes at most this long: gaps shrink evenly past it. */
  maxTotalMs: number;
}

export const DEFAULT_REPLAY_PACE: ReplayPace = { stepMs: 600, eventMs: 120, maxTotalMs: 12_000 };

/** The gap before each event, in milliseconds (the first event comes at once). */
export function replayGaps(events: readonly AgentEvent[], pace: ReplayPace = DEFAULT_REPLAY_PACE): number[] {
  const gaps = events.map((e, i) => (i === 0 ? 0 : e.type === 'step_start' ? pace.stepMs : e.type === 'model_delta' ? 0 : pace.eventMs));
  const total = gaps.reduce((a, b) => a + b, 0);
  if (total <= pace.maxTotalMs) return gaps;
  const scale = pace.maxTotalMs / total;
  return gaps.map((g) => Math.round(g * scale));
}
