import { describe, expect, it } from 'vitest';
import { contextShare, costOf, formatCost, priceFor } from './prices';
import { redactSecrets } from './redact-secrets';

describe('prices', () => {
  const price = { inputPerMillion: 2, outputPerMillion: 8, cachedInputPerMillion: 0.5, contextWindow: 100_000 };

  it('charges cached input at its own price and the rest at the input price', () => {
    // 1,000 fresh + 3,000 cached input, 500 output: 0.002 + 0.0015 + 0.004
    expect(costOf({ inputTokens: 4_000, cachedInputTokens: 3_000, outputTokens: 500 }, price)).toBeCloseTo(0.0075, 10);
  });

  it('has no cost for estimated usage or an unknown price', () => {
    expect(costOf({ inputTokens: 10, outputTokens: 10, estimated: true }, price)).toBeUndefined();
    expect(costOf({ inputTokens: 10, outputTokens: 10 }, undefined)).toBeUndefined();
  });

  it("prefers the user's price over the default and knows common models", () => {
    expect(priceFor('openai:gpt-4.1-mini')?.inputPerMillion).toBeGreaterThan(0);
    expect(priceFor('openai:gpt-4.1-mini', { 'openai:gpt-4.1-mini': price })).toBe(price);
    expect(priceFor('openai-compatible:llama3.2')).toBeUndefined();
  });

  it('gives the share of the context window a call used', () => {
    expect(contextShare({ inputTokens: 20_000, outputTokens: 5_000 }, price)).toBe(0.25);
    expect(contextShare({ inputTokens: 1, outputTokens: 1 }, { inputPerMillion: 1, outputPerMillion: 1 })).toBeUndefined();
  });

  it('formats small and large amounts readably', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(0.000123)).toBe('$0.00012');
    expect(formatCost(0.0755)).toBe('$0.0755');
    expect(formatCost(12.3456)).toBe('$12.35');
  });
});

describe('redactSecrets', () => {
  it('hides the known key and anything shaped like a provider key', () => {
    expect(redactSecrets('key my-own-secret-value was wrong', ['my-own-secret-value'])).toBe('key [key hidden] was wrong');
    expect(redactSecrets('Incorrect API key provided: sk-proj-abc123def456ghi')).toBe('Incorrect API key provided: [key hidden]');
    expect(redactSecrets('AIzaSyA1234567890abcdefghijklmnop ok')).toBe('[key hidden] ok');
    expect(redactSecrets('a task about skills and risk-free tasks')).toBe('a task about skills and risk-free tasks');
  });
});
