import { describe, expect, it } from 'vitest';
import { describePrice, draftOf, readDraft } from './price-draft';

describe('the price editor’s boxes', () => {
  it('round-trip a price', () => {
    const price = { inputPerMillion: 0.4, outputPerMillion: 1.6, cachedInputPerMillion: 0.1, contextWindow: 1_047_576 };
    expect(readDraft(draftOf(price))).toEqual({ ok: true, price });
  });

  it('need input and output prices; cached price and window are optional', () => {
    expect(readDraft({ inputPerMillion: '$2', outputPerMillion: '8', cachedInputPerMillion: '', contextWindow: '128,000' })).toEqual({
      ok: true,
      price: { inputPerMillion: 2, outputPerMillion: 8, contextWindow: 128_000 },
    });
    const missing = readDraft({ inputPerMillion: '', outputPerMillion: '8', cachedInputPerMillion: '', contextWindow: '' });
    expect(missing).toEqual({ ok: false, errors: { inputPerMillion: 'Enter a price to save (0 for a free or local model).' } });
  });

  it('explain each bad box and save nothing', () => {
    const bad = readDraft({ inputPerMillion: '-1', outputPerMillion: 'lots', cachedInputPerMillion: '0.1', contextWindow: '12.5' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['contextWindow', 'inputPerMillion', 'outputPerMillion']);
  });

  it('describe a list price in one line', () => {
    expect(describePrice({ inputPerMillion: 0.4, outputPerMillion: 1.6, cachedInputPerMillion: 0.025, contextWindow: 1_047_576 })).toBe(
      '$0.40 in, $0.025 cached, $1.60 out per million tokens; 1,047,576-token context',
    );
  });
});
