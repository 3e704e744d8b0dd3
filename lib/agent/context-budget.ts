// How full a model call's context is: its input split into the system prompt, the task, each earlier step and what is
// new for this call, against the model's context window when known. Sizes are the model's reported input tokens
// (shared out over the parts by their estimated sizes) when it reported usage, otherwise the app's estimate.
import type { ChatMessage, TokenUsage } from '../models/types';
import { estimateTokens } from '../models/usage';
import type { InputSegment } from './memory';

export type ContextPartKind = 'system' | 'task' | 'step' | 'new';

export interface ContextPart {
  kind: ContextPartKind;
  /** `System prompt`, `Task`, `Follow-up task 2`, `Step 3`, `New: step 4 and the planning prompt`. */
  label: string;
  tokens: number;
}

export interface ContextBudget {
  parts: ContextPart[];
  /** Input tokens in all. */
  total: number;
  /** Where the sizes come from: the model's reported usage, or characters ÷ 4. */
  source: 'reported' | 'estimated';
  /** The model's context window in tokens, when known. */
  window?: number;
}

function messageTokens(messages: readonly ChatMessage[]): number {
  let tokens = 0;
  for (const m of messages) tokens += estimateTokens(m.content) + (m.role === 'assistant' && m.toolCalls ? estimateTokens(JSON.stringify(m.toolCalls)) : 0);
  return tokens;
}

/**
 * The budget of one call from its input segments (`modelInputSegments`). The newest step before the call and the
 * call's own prompt are the new part: what this call sees that the one before did not (a first call has none).
 */
export function contextBudget(segments: readonly InputSegment[], usage?: TokenUsage, window?: number): ContextBudget {
  const lastStep = segments.findLastIndex((s) => s.kind === 'step');
  const parts: ContextPart[] = [];
  const newLabels: string[] = [];
  let newTokens = 0;
  segments.forEach((segment, i) => {
    const tokens = messageTokens(segment.messages);
    if (segment.kind === 'system') parts.push({ kind: 'system', label: 'System prompt', tokens });
    else if (segment.kind === 'task') {
      const label = segment.taskIndex === 0 ? 'Task' : `Follow-up task ${segment.taskIndex + 1}`;
      // A follow-up task added after the newest step is new for this call.
      if (i > lastStep && lastStep >= 0) {
        newLabels.push(label.toLowerCase());
        newTokens += tokens;
      } else parts.push({ kind: 'task', label, tokens });
    } else if (segment.kind === 'step' && i !== lastStep) parts.push({ kind: 'step', label: `Step ${segment.step}`, tokens });
    else {
      newLabels.push(segment.kind === 'step' ? `step ${segment.step}` : 'the prompt of this step');
      newTokens += tokens;
    }
  });
  if (newLabels.length) parts.push({ kind: 'new', label: `New: ${newLabels.join(' and ')}`, tokens: newTokens });
  const estimated = parts.reduce((sum, p) => sum + p.tokens, 0);
  const reported = usage && !usage.estimated && usage.inputTokens > 0 ? usage.inputTokens : undefined;
  if (reported !== undefined && estimated > 0) {
    // Shared out by estimated size, rounding so the parts add up to what the model reported.
    let given = 0;
    parts.forEach((p, i) => {
      const share = i === parts.length - 1 ? reported - given : Math.round((reported * p.tokens) / estimated);
      given += share;
      p.tokens = share;
    });
  }
  return {
    parts,
    total: reported ?? estimated,
    source: reported !== undefined ? 'reported' : 'estimated',
    ...(window ? { window } : {}),
  };
}

/** How many earlier steps a bar and its description name one by one; older ones are drawn as one part. */
export const NAMED_EARLIER_STEPS = 8;

/**
 * The parts as drawn and read out: on a long run the oldest earlier steps are one part (`Steps 1–990`), since a bar
 * cannot show a thousand slivers and nobody listens to a thousand figures; the newest earlier steps stay one by one.
 */
export function shownParts(budget: ContextBudget, named = NAMED_EARLIER_STEPS): ContextPart[] {
  const steps = budget.parts.filter((p) => p.kind === 'step');
  if (steps.length <= named + 1) return budget.parts;
  const merged = steps.slice(0, steps.length - named);
  const mergedSet = new Set(merged);
  const first = merged[0]!.label.replace(/^Step /, '');
  const last = merged[merged.length - 1]!.label.replace(/^Step /, '');
  const part: ContextPart = { kind: 'step', label: `Steps ${first}–${last}`, tokens: merged.reduce((sum, p) => sum + p.tokens, 0) };
  const out: ContextPart[] = [];
  for (const p of budget.parts) {
    if (p === merged[0]) out.push(part);
    else if (!mergedSet.has(p)) out.push(p);
  }
  return out;
}

/** The number of earlier steps in a call's input. */
export function earlierSteps(budget: ContextBudget): number {
  return budget.parts.reduce((count, p) => count + (p.kind === 'step' ? 1 : 0), 0);
}

/** `Context: 1,234 of 128,000 tokens (1.0%, estimated): system prompt 900, task 20, step 1 300, new: step 2 14`. */
export function describeBudget(budget: ContextBudget): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const of = budget.window ? ` of ${n(budget.window)}` : '';
  const share = budget.window ? `${((100 * budget.total) / budget.window).toFixed(1)}%, ` : '';
  const source = budget.source === 'reported' ? 'reported by the model' : 'estimated';
  const window = budget.window ? '' : '; context window unknown';
  return `Context: ${n(budget.total)}${of} tokens (${share}${source}${window}): ${shownParts(budget).map((p) => `${p.label.charAt(0).toLowerCase()}${p.label.slice(1)} ${n(p.tokens)}`).join(', ')}`;
}
