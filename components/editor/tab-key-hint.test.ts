import { describe, expect, it } from 'vitest';
import { isApplePlatform, tabKeyHint } from './tab-key-hint';

describe('the Tab key hint under the tools editor', () => {
  it('says Tab indents and names the key that makes Tab move focus', () => {
    expect(tabKeyHint(false, false)).toBe('Tab indents · Ctrl+M: Tab moves focus');
    expect(tabKeyHint(true, false)).toBe('Tab moves focus · Ctrl+M: Tab indents');
  });

  it("names Monaco's Mac binding on a Mac", () => {
    expect(tabKeyHint(false, true)).toBe('Tab indents · Ctrl+Shift+M: Tab moves focus');
    expect(isApplePlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isApplePlatform({ platform: 'Linux x86_64' })).toBe(false);
    expect(isApplePlatform({ platform: '', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)' })).toBe(true);
    expect(isApplePlatform(undefined)).toBe(false);
  });
});
