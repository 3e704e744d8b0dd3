import { describe, expect, it } from 'vitest';
import { keyOriginOf, originOf, originOfLegacySlot } from './key-origin';

describe('where a key goes', () => {
  it('is the exact origin the model calls: scheme, host and port, never the preset named in the document', () => {
    expect(keyOriginOf({ provider: 'openai' })).toBe('https://api.openai.com');
    expect(keyOriginOf({ provider: 'anthropic' })).toBe('https://api.anthropic.com');
    expect(keyOriginOf({ provider: 'google' })).toBe('https://generativelanguage.googleapis.com');
    expect(keyOriginOf({ provider: 'openai-compatible', baseURL: 'https://openrouter.ai/api/v1' })).toBe('https://openrouter.ai');
    // An "openrouter" preset pointing elsewhere gets the key of where it points: the attacker has none stored.
    expect(keyOriginOf({ provider: 'openai-compatible', baseURL: 'http://attacker.example:8080/v1' })).toBe('http://attacker.example:8080');
    expect(keyOriginOf({ provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1' })).not.toBe(keyOriginOf({ provider: 'openai-compatible', baseURL: 'http://localhost:11435/v1' }));
    expect(keyOriginOf({ provider: 'openai' }, 'http://127.0.0.1:9999/v1')).toBe('http://127.0.0.1:9999');
  });

  it('has no origin for what is not an http(s) address', () => {
    expect(originOf('javascript:alert(1)')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
    expect(originOf('HTTPS://Example.COM:443/x')).toBe('https://example.com');
  });

  it('moves keys of the old per-preset slots to the preset’s default address, and has none for a custom server', () => {
    expect(originOfLegacySlot('openai')).toBe('https://api.openai.com');
    expect(originOfLegacySlot('openai-compatible:openrouter')).toBe('https://openrouter.ai');
    expect(originOfLegacySlot('openai-compatible:huggingface')).toBe('https://router.huggingface.co');
    expect(originOfLegacySlot('openai-compatible:ollama')).toBe('http://localhost:11434');
    expect(originOfLegacySlot('openai-compatible:custom')).toBeUndefined();
    expect(originOfLegacySlot('openai-compatible:nonsense')).toBeUndefined();
    expect(originOfLegacySlot('https://api.openai.com')).toBeUndefined();
  });
});
