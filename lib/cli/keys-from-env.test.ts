import { describe, expect, it } from 'vitest';
import { keysFromEnv } from './keys-from-env';

describe('CLI keys from the environment', () => {
  it('binds each provider’s key to its own address, and ignores empty variables', () => {
    expect(keysFromEnv({ OPENAI_API_KEY: 'sk-o', ANTHROPIC_API_KEY: ' ', GOOGLE_GENERATIVE_AI_API_KEY: 'g-1', OPENAI_COMPATIBLE_API_KEY: 'sk-c' })).toEqual({
      'https://api.openai.com': 'sk-o',
      'https://generativelanguage.googleapis.com': 'g-1',
    });
  });

  it('sends the OpenAI-compatible key only to the --base-url typed on the command line', () => {
    expect(keysFromEnv({ OPENAI_COMPATIBLE_API_KEY: 'sk-c' }, { baseURL: 'http://localhost:11434/v1', baseURLProvider: 'openai-compatible' })).toEqual({
      'http://localhost:11434': 'sk-c',
    });
    expect(keysFromEnv({ OPENAI_API_KEY: 'sk-o' }, { baseURL: 'http://127.0.0.1:9000/v1', baseURLProvider: 'openai' })).toEqual({
      'https://api.openai.com': 'sk-o',
      'http://127.0.0.1:9000': 'sk-o',
    });
  });

  it("binds BRAVE_SEARCH_API_KEY (the built-in web_search's) to the Brave Search API alone", () => {
    expect(keysFromEnv({ BRAVE_SEARCH_API_KEY: ' bsk-1 ' })).toEqual({ 'https://api.search.brave.com': 'bsk-1' });
  });
});
