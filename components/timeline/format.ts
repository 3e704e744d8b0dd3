// Short human forms of durations, token counts, costs and values for the timeline.
import { renderValue } from '@/lib/agent/render-value';
import type { RunState } from '@/lib/agent/run-state';
import { costOf, priceFor, type ModelPrice } from '@/lib/models/prices';

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '–';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A tool call's arguments as written in code: positional values joined, or the object for JSON tool calls. */
export function formatArgs(args: unknown): string {
  if (Array.isArray(args)) return args.map((a) => JSON.stringify(a) ?? 'undefined').join(', ');
  return renderValue(args);
}

export function formatAnswer(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
}

/** `12% of context`; under one percent shows as `<1%`. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent > 0 && percent < 1 ? '<1' : Math.round(percent)}% of context`;
}

/** `Retry 1 after 1.0 s — 429 rate limited`. */
export function formatRetry(retry: { attempt: number; delayMs: number; reason: string }): string {
  return `Retry ${retry.attempt} after ${(retry.delayMs / 1_000).toFixed(1)} s${retry.reason ? ` — ${retry.reason}` : ''}`;
}

/**
 * What a run cost, in dollars: each step at its own agent's model price. Undefined when any step that used tokens
 * has no known cost (no price for its model, or estimated usage), since a partial sum would mislead.
 */
export function runCost(state: RunState, prices: Readonly<Record<string, ModelPrice>>): number | undefined {
  const models = new Map(state.runs.map((r) => [r.key, r.model]));
  let total = 0;
  let counted = false;
  for (const step of state.steps) {
    if (!step.usage || step.usage.inputTokens + step.usage.outputTokens === 0) continue;
    const model = models.get(step.runKey);
    const cost = costOf(step.usage, model ? priceFor(model, prices) : undefined);
    if (cost === undefined) return undefined;
    total += cost;
    counted = true;
  }
  return counted ? total : undefined;
}

/** When a run started, short: the time today, else the date and time. */
export function formatWhen(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return d.toDateString() === now.toDateString() ? time : `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}
