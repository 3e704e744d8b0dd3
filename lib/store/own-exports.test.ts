import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES } from '../playground/examples';
import { memoryStorage } from '../test-support/memory-storage';
import { isOwnExport, MAX_OWN_EXPORTS, OWN_EXPORTS_KEY, rememberExport } from './own-exports';

const file = (i: number) => ({ kind: 'playground' as const, playground: { ...EXAMPLES[0]!.playground, task: `task ${i}` } });

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));

describe('the files this browser exported', () => {
  it('are recognised by their content, and nothing else is', () => {
    rememberExport(file(1));
    expect(isOwnExport(file(1))).toBe(true);
    expect(isOwnExport(structuredClone(file(1)))).toBe(true);
    expect(isOwnExport(file(2))).toBe(false);
    expect(localStorage.getItem(OWN_EXPORTS_KEY)).not.toContain('task 1');
  });

  it('keep only the newest exports, and an unreadable or refused record just means "not yours"', () => {
    for (let i = 0; i <= MAX_OWN_EXPORTS; i++) rememberExport(file(i));
    expect(isOwnExport(file(0))).toBe(false);
    expect(isOwnExport(file(MAX_OWN_EXPORTS))).toBe(true);
    localStorage.setItem(OWN_EXPORTS_KEY, '{not json');
    expect(isOwnExport(file(MAX_OWN_EXPORTS))).toBe(false);
    vi.stubGlobal('localStorage', memoryStorage({}, { quota: 0 }));
    expect(() => rememberExport(file(1))).not.toThrow();
    expect(isOwnExport(file(1))).toBe(false);
  });
});
