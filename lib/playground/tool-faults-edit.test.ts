import { describe, expect, it } from 'vitest';
import { playgroundSchema } from './schema';
import { withToolFaults } from './tool-faults-edit';

describe('editing a tool’s faults', () => {
  const doc = playgroundSchema.parse({ version: 1 });
  const fail = { seed: 1, fail: { rate: 0.5, message: 'down' } };

  it('sets, replaces and removes one tool’s faults, leaving the others', () => {
    const one = withToolFaults(doc, 'get_weather', fail);
    expect(one.faults).toEqual({ get_weather: fail });
    const two = withToolFaults(one, 'search', { seed: 2, junk: { rate: 1 } });
    expect(Object.keys(two.faults!)).toEqual(['get_weather', 'search']);
    expect(withToolFaults(two, 'get_weather', undefined).faults).toEqual({ search: { seed: 2, junk: { rate: 1 } } });
  });

  it('leaves no empty faults in the document once the last is removed', () => {
    expect('faults' in withToolFaults(withToolFaults(doc, 'a', fail), 'a', undefined)).toBe(false);
  });
});
