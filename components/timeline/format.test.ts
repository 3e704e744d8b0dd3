import { describe, expect, it } from 'vitest';
import { foldEvents, type AgentEvent } from '@/lib/agent';
import { formatRetry, formatShare, runCost } from './format';

function run(model: string, usages: { inputTokens: number; outputTokens: number; cachedInputTokens?: number; estimated?: boolean }[]): AgentEvent[] {
  const events: AgentEvent[] = [
    { type: 'run_start', agent: 'main', t: 0, runId: 'r', task: 't', agentType: 'code', systemPrompt: '', maxSteps: 5, model, sandbox: 'quickjs', startedAt: new Date(0).toISOString() } as AgentEvent,
  ];
  usages.forEach((usage, i) => {
    events.push({ type: 'step_start', agent: 'main', t: 0, step: i + 1, kind: 'action' } as AgentEvent);
    events.push({ type: 'step_end', agent: 'main', t: 0, step: i + 1, usage, timing: { modelMs: 1, executionMs: 1, totalMs: 2 } } as AgentEvent);
  });
  return events;
}

describe('timeline formatting', () => {
  it('shows the share of the context window in whole percents', () => {
    expect(formatShare(0.123)).toBe('12% of context');
    expect(formatShare(0.004)).toBe('<1% of context');
    expect(formatShare(0)).toBe('0% of context');
    expect(formatShare(1.5)).toBe('150% of context');
  });

  it('describes a retry with its wait and reason', () => {
    expect(formatRetry({ attempt: 1, delayMs: 1_000, reason: '429 rate limited' })).toBe('Retry 1 after 1.0 s — 429 rate limited');
    expect(formatRetry({ attempt: 2, delayMs: 2_140, reason: '' })).toBe('Retry 2 after 2.1 s');
  });

  it('adds up a run’s cost at its model’s price, the user’s price first', () => {
    const state = foldEvents(run('openai:gpt-4.1-mini', [{ inputTokens: 1_000_000, outputTokens: 0 }, { inputTokens: 0, outputTokens: 1_000_000 }]));
    expect(runCost(state, {})).toBeCloseTo(0.4 + 1.6);
    expect(runCost(state, { 'openai:gpt-4.1-mini': { inputPerMillion: 1, outputPerMillion: 2 } })).toBeCloseTo(3);
  });

  it('knows no cost without a price, with estimated usage, or without tokens', () => {
    expect(runCost(foldEvents(run('openai-compatible:llama3.2', [{ inputTokens: 10, outputTokens: 5 }])), {})).toBeUndefined();
    expect(runCost(foldEvents(run('openai:gpt-4.1-mini', [{ inputTokens: 10, outputTokens: 5, estimated: true }])), {})).toBeUndefined();
    expect(runCost(foldEvents(run('openai:gpt-4.1-mini', [{ inputTokens: 0, outputTokens: 0 }])), {})).toBeUndefined();
    expect(runCost(foldEvents(run('openai-compatible:llama3.2', [{ inputTokens: 10, outputTokens: 5 }])), { 'openai-compatible:llama3.2': { inputPerMillion: 0, outputPerMillion: 0 } })).toBe(0);
  });
});
