// Prices and context windows per model: defaults for well-known models, editable by the user; cost of a step or a run.
import type { TokenUsage } from './types';

export interface ModelPrice {
  /** US dollars per million input tokens (not cached). */
  inputPerMillion: number;
  outputPerMillion: number;
  /** Per million cached input tokens; the input price when unset. */
  cachedInputPerMillion?: number;
  /** Tokens the model can take in one call. */
  contextWindow?: number;
}

/**
 * Published list prices (USD) as of late 2026, for a first estimate only: they change, and the user's own table
 * (Settings → Model → Price) wins. Keys are `provider:model`.
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  'openai:gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8, cachedInputPerMillion: 0.5, contextWindow: 1_047_576 },
  'openai:gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6, cachedInputPerMillion: 0.1, contextWindow: 1_047_576 },
  'openai:gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4, cachedInputPerMillion: 0.025, contextWindow: 1_047_576 },
  'openai:gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10, cachedInputPerMillion: 1.25, contextWindow: 128_000 },
  'openai:gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6, cachedInputPerMillion: 0.075, contextWindow: 128_000 },
  'anthropic:claude-sonnet-4-5': { inputPerMillion: 3, outputPerMillion: 15, cachedInputPerMillion: 0.3, contextWindow: 200_000 },
  'anthropic:claude-haiku-4-5': { inputPerMillion: 1, outputPerMillion: 5, cachedInputPerMillion: 0.1, contextWindow: 200_000 },
  'anthropic:claude-opus-4-1': { inputPerMillion: 15, outputPerMillion: 75, cachedInputPerMillion: 1.5, contextWindow: 200_000 },
  'google:gemini-2.5-pro': { inputPerMillion: 1.25, outputPerMillion: 10, cachedInputPerMillion: 0.31, contextWindow: 1_048_576 },
  'google:gemini-2.5-flash': { inputPerMillion: 0.3, outputPerMillion: 2.5, cachedInputPerMillion: 0.075, contextWindow: 1_048_576 },
};

/** The user's entries over the defaults. */
export function priceFor(modelId: string, userPrices: Readonly<Record<string, ModelPrice>> = {}): ModelPrice | undefined {
  return userPrices[modelId] ?? DEFAULT_PRICES[modelId];
}

/** Cost in US dollars; undefined when the usage is an estimate or no price is known. */
export function costOf(usage: TokenUsage | undefined, price: ModelPrice | undefined): number | undefined {
  if (!usage || !price || usage.estimated) return undefined;
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const fresh = usage.inputTokens - cached;
  return (
    (fresh * price.inputPerMillion + cached * (price.cachedInputPerMillion ?? price.inputPerMillion) + usage.outputTokens * price.outputPerMillion) /
    1_000_000
  );
}

/** Share of the context window one call used (input plus output), or undefined without a known window. */
export function contextShare(usage: TokenUsage | undefined, price: ModelPrice | undefined): number | undefined {
  if (!usage || !price?.contextWindow) return undefined;
  return (usage.inputTokens + usage.outputTokens) / price.contextWindow;
}

/** `$0.0123`, with enough digits to show small amounts. */
export function formatCost(dollars: number): string {
  if (dollars === 0) return '$0';
  if (dollars < 0.01) return `$${dollars.toPrecision(2)}`;
  return `$${dollars.toFixed(dollars < 1 ? 4 : 2)}`;
}
