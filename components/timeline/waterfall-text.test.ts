import { describe, expect, it } from 'vitest';
import type { WaterfallBar, WaterfallRow } from '@/lib/trace/waterfall';
import { barLabel, partLabel, statusText, tokensText } from './waterfall-text';

const row: WaterfallRow = { id: 'main@3', kind: 'step', openStep: 3, agent: 'main', depth: 0, step: 3, stepKind: 'action', stepLabel: 'Step 3', bars: [] };
const model: WaterfallBar = {
  id: 'm',
  part: 'model',
  name: 'model call',
  startMs: 1_250,
  durationMs: 820,
  firstTokenMs: 310,
  usage: { inputTokens: 1_234, outputTokens: 56, estimated: true },
  status: 'ok',
};

describe('waterfall words', () => {
  it('says every figure of a model call', () => {
    expect(barLabel(row, model)).toBe('Step 3, model call: starts at 1.25 s, lasts 820 ms, first token after 310 ms, tokens 1,234 in / 56 out (estimated), ok');
  });

  it('names tool calls and team members by name, and says errors and retries in words', () => {
    expect(partLabel({ ...model, part: 'member', name: 'librarian' })).toBe('team member librarian');
    expect(statusText({ ...model, part: 'tool', name: 'search', status: 'error', error: 'no such book' })).toBe('error: no such book');
    expect(statusText({ ...model, retries: [{ attempt: 1, atMs: 5, delayMs: 1_000, reason: '429 rate limited' }] })).toBe(
      'retried 1× (Retry 1 after 1.0 s — 429 rate limited); ok',
    );
    expect(tokensText({ ...model, usage: undefined })).toBe('');
  });
});
