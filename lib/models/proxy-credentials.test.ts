import { describe, expect, it } from 'vitest';
import { bringsCredential, emptyCredentialRefusal, serverKeyFor } from './proxy-credentials';
import { proxyEnvFrom } from './proxy-env';

describe('emptyCredentialRefusal', () => {
  it('refuses an empty or blank Authorization, x-api-key or x-goog-api-key with 401', () => {
    const cases: Array<[string, string]> = [
      ['authorization', 'Bearer'],
      ['authorization', 'Bearer   '],
      ['authorization', 'bearer'],
      ['authorization', ''],
      ['authorization', '   '],
      ['x-api-key', ''],
      ['x-api-key', ' '],
      ['x-goog-api-key', ''],
    ];
    for (const [name, value] of cases) {
      const r = emptyCredentialRefusal(new Headers({ [name]: value }));
      expect(r?.status, `${name}: ${JSON.stringify(value)}`).toBe(401);
      expect(r?.message).toContain(`The ${name} header is empty`);
      expect(r?.message).toContain('leave the header out entirely');
    }
  });

  it('lets a real key and no credential at all through', () => {
    expect(emptyCredentialRefusal(new Headers({ authorization: 'Bearer sk-1' }))).toBeUndefined();
    expect(emptyCredentialRefusal(new Headers({ authorization: 'Bearerish' }))).toBeUndefined();
    expect(emptyCredentialRefusal(new Headers({ 'x-api-key': 'k' }))).toBeUndefined();
    expect(emptyCredentialRefusal(new Headers({ 'content-type': 'application/json' }))).toBeUndefined();
  });
});

describe('bringsCredential', () => {
  it('is true for any credential header', () => {
    expect(bringsCredential(new Headers({ authorization: 'Bearer x' }))).toBe(true);
    expect(bringsCredential(new Headers({ 'x-goog-api-key': 'x' }))).toBe(true);
    expect(bringsCredential(new Headers({ accept: 'x' }))).toBe(false);
  });
});

describe('serverKeyFor', () => {
  const env = proxyEnvFrom({
    OPENAI_API_KEY: 'k-openai',
    ANTHROPIC_API_KEY: 'k-anthropic',
    GOOGLE_GENERATIVE_AI_API_KEY: 'k-google',
    OPENAI_COMPATIBLE_API_KEY: 'k-compat',
    VLLM_KEY: 'k-vllm',
    MODEL_PROXY_ALLOWED_HOSTS: 'localhost:11434,gpu.lan:8000=VLLM_KEY,box.lan:9000=OPENAI_COMPATIBLE_API_KEY,nokey.lan:1=UNSET_KEY',
  });
  const at = (url: string) => new URL(url);

  it('gives the fixed providers their own keys', () => {
    expect(serverKeyFor('openai', at('https://api.openai.com/v1/chat/completions'), env)).toBe('k-openai');
    expect(serverKeyFor('anthropic', at('https://api.anthropic.com/v1/messages'), env)).toBe('k-anthropic');
    expect(serverKeyFor('google', at('https://generativelanguage.googleapis.com/v1beta/models'), env)).toBe('k-google');
  });

  it('gives an OpenAI-compatible host only the key paired with it', () => {
    expect(serverKeyFor('openai-compatible', at('http://gpu.lan:8000/v1/chat/completions'), env)).toBe('k-vllm');
    expect(serverKeyFor('openai-compatible', at('http://box.lan:9000/v1/chat/completions'), env)).toBe('k-compat');
    expect(serverKeyFor('openai-compatible', at('http://localhost:11434/v1/chat/completions'), env)).toBeUndefined();
    expect(serverKeyFor('openai-compatible', at('http://nokey.lan:1/v1/chat/completions'), env)).toBeUndefined();
    expect(serverKeyFor('openai-compatible', at('http://gpu.lan:8001/v1/chat/completions'), env)).toBeUndefined();
  });

  it('never gives a preset host OPENAI_COMPATIBLE_API_KEY (or any fixed key)', () => {
    for (const host of ['openrouter.ai', 'router.huggingface.co', 'api.together.xyz', 'api.groq.com', 'api.deepseek.com', 'api.mistral.ai']) {
      expect(serverKeyFor('openai-compatible', at(`https://${host}/v1/chat/completions`), env), host).toBeUndefined();
    }
  });

  it('gives a preset host a key only when the operator pairs one with it', () => {
    const paired = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'openrouter.ai=OPENROUTER_KEY', OPENROUTER_KEY: 'k-or' });
    expect(serverKeyFor('openai-compatible', at('https://openrouter.ai/api/v1/chat/completions'), paired)).toBe('k-or');
  });
});
