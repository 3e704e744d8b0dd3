// Short human forms of durations, token counts and values for the timeline.
import { renderValue } from '@/lib/agent';

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
