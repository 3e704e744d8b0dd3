import { describe, expect, it } from 'vitest';
import { agentSettingsSchema, sandboxSettingsSchema } from '@/lib/playground/schema';
import { checkWhole, ruleOf } from './number-field';

describe('number fields', () => {
  it('take their bounds from the playground schema', () => {
    expect(ruleOf(agentSettingsSchema.shape.maxSteps.unwrap())).toEqual({ min: 1, max: 1_000 });
    expect(ruleOf(sandboxSettingsSchema.shape.timeoutMs.unwrap())).toEqual({ min: 100, max: 600_000 });
  });

  it('accept whole numbers in range and explain anything else', () => {
    const rule = { min: 1, max: 1_000 };
    expect(checkWhole(' 12 ', rule)).toEqual({ ok: true, value: 12 });
    for (const bad of ['', '0', '1001', '2.5', 'ten']) {
      expect(checkWhole(bad, rule)).toEqual({ ok: false, message: 'Enter a whole number from 1 to 1,000.' });
    }
  });
});
