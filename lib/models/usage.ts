// Token usage arithmetic.
import type { TokenUsage } from './types';

export const ZERO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  const sum: TokenUsage = { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
  const cached = (a.cachedInputTokens ?? 0) + (b.cachedInputTokens ?? 0);
  if (cached) sum.cachedInputTokens = cached;
  if (a.estimated || b.estimated) sum.estimated = true;
  return sum;
}

/** A rough count for text we have no tokenizer for (replay and manual models, prompt previews). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
