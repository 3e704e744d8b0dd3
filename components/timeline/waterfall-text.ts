// The words for a waterfall bar: its part, its exact figures and its state, as the tooltip, the table and a screen
// reader say them.
import type { WaterfallBar, WaterfallRow } from '@/lib/trace/waterfall';
import { formatCount, formatMs, formatRetry } from './format';

const PART = { model: 'model call', code: 'code', tool: 'tool call', member: 'team member' } as const;

/** `model call`, `code`, `tool call search`, `team member librarian`. */
export function partLabel(bar: WaterfallBar): string {
  return bar.part === 'tool' || bar.part === 'member' ? `${PART[bar.part]} ${bar.name}` : PART[bar.part];
}

export function tokensText(bar: WaterfallBar): string {
  if (!bar.usage) return '';
  const { inputTokens, outputTokens, estimated } = bar.usage;
  return `${formatCount(inputTokens)} in / ${formatCount(outputTokens)} out${estimated ? ' (estimated)' : ''}`;
}

/** `ok`, `error: …`, `running`, `interrupted`; retries first when there were some. */
export function statusText(bar: WaterfallBar): string {
  const state = bar.status === 'error' ? `error: ${bar.error ?? 'failed'}` : bar.status;
  const retries = bar.retries ?? [];
  if (retries.length === 0) return state;
  return `retried ${retries.length}× (${retries.map(formatRetry).join('; ')}); ${state}`;
}

/** Every figure of the bar in one line: start, duration, first token, tokens, state. */
export function barFigures(bar: WaterfallBar): string {
  return [
    `starts at ${formatMs(bar.startMs)}`,
    `lasts ${formatMs(bar.durationMs)}`,
    ...(bar.firstTokenMs !== undefined ? [`first token after ${formatMs(bar.firstTokenMs)}`] : []),
    ...(bar.usage ? [`tokens ${tokensText(bar)}`] : []),
    statusText(bar),
  ].join(', ');
}

/** What a screen reader says for a bar: `Step 3, model call: starts at 10 ms, lasts 200 ms, …, ok`. */
export function barLabel(row: WaterfallRow, bar: WaterfallBar): string {
  return `${row.stepLabel}, ${partLabel(bar)}: ${barFigures(bar)}`;
}
