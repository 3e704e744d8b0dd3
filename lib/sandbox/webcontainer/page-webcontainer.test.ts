import { describe, expect, it } from 'vitest';
import { isStackBlitzHeadless } from './page-webcontainer';

describe("finding StackBlitz's headless frame to reload on Retry", () => {
  it("matches only StackBlitz's /headless page over https", () => {
    expect(isStackBlitzHeadless('https://stackblitz.com/headless?coep=require-corp&version=1.6.4')).toBe(true);
    expect(isStackBlitzHeadless('https://w-corp.stackblitz.com/headless')).toBe(true);
    expect(isStackBlitzHeadless('https://stackblitz.com/edit/x')).toBe(false);
    expect(isStackBlitzHeadless('http://stackblitz.com/headless')).toBe(false);
    expect(isStackBlitzHeadless('https://stackblitz.com.evil.example/headless')).toBe(false);
    expect(isStackBlitzHeadless('about:blank')).toBe(false);
    expect(isStackBlitzHeadless('')).toBe(false);
  });
});
