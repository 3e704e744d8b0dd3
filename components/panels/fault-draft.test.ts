import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf } from './fault-draft';

describe('the Tools tab’s fault form', () => {
  it('saves nothing when no fault is on, and a checked set when one is', () => {
    expect(checkDraft(draftOf(undefined))).toEqual({ ok: true, faults: undefined });
    const d = draftOf(undefined);
    const on = checkDraft({ ...d, seed: '7', fail: { ...d.fail, on: true, rate: '0.5', message: 'down' } });
    expect(on).toEqual({ ok: true, faults: { seed: 7, fail: { rate: 0.5, message: 'down' } } });
  });

  it('explains a rate out of range, an empty message and a bad seed, field by field', () => {
    const d = draftOf(undefined);
    const bad = checkDraft({ ...d, seed: '1.5', fail: { on: true, rate: '1.5', message: '  ' }, inject: { on: true, rate: '', text: 'x' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems['fail.rate']).toMatch(/^The rate is a chance from 0 to 1/);
    expect(bad.problems['fail.message']).toMatch(/^Write the message the tool fails with/);
    expect(bad.problems['inject.rate']).toMatch(/^The rate must be a number from 0 to 1/);
    expect(bad.problems['seed']).toMatch(/whole number/);
  });

  it('reads back what the document holds', () => {
    const faults = { seed: 3, slow: { rate: 0.25, delayMs: 1500 }, inject: { rate: 1, text: 'hi' } };
    expect(checkDraft(draftOf(faults))).toEqual({ ok: true, faults });
  });
});
