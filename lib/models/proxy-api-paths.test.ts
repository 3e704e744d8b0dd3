import { describe, expect, it } from 'vitest';
import { apiPathRefusal, forwardedPaths } from './proxy-api-paths';

const allowed = (provider: Parameters<typeof apiPathRefusal>[0], path: string, method: string) => apiPathRefusal(provider, path.split('/'), method) === undefined;

describe('apiPathRefusal', () => {
  it('forwards the OpenAI API calls a model client makes, for OpenAI and OpenAI-compatible servers', () => {
    for (const provider of ['openai', 'openai-compatible'] as const) {
      expect(allowed(provider, 'chat/completions', 'POST')).toBe(true);
      expect(allowed(provider, 'completions', 'POST')).toBe(true);
      expect(allowed(provider, 'embeddings', 'POST')).toBe(true);
      expect(allowed(provider, 'models', 'GET')).toBe(true);
      expect(allowed(provider, 'models', 'HEAD')).toBe(true);
      expect(allowed(provider, 'models/llama3.2:3b', 'GET')).toBe(true); // Ollama's ids have a ':'
      expect(allowed(provider, 'models/gpt-4.1', 'GET')).toBe(true);
    }
  });

  it('forwards Anthropic messages (and token counting) and its model list', () => {
    expect(allowed('anthropic', 'messages', 'POST')).toBe(true);
    expect(allowed('anthropic', 'messages/count_tokens', 'POST')).toBe(true);
    expect(allowed('anthropic', 'models', 'GET')).toBe(true);
    expect(allowed('anthropic', 'models/claude-sonnet-4-5', 'GET')).toBe(true);
    expect(allowed('anthropic', 'chat/completions', 'POST')).toBe(false);
    expect(allowed('anthropic', 'messages/batches', 'POST')).toBe(false);
  });

  it("forwards Gemini's generateContent and streamGenerateContent and its model list", () => {
    expect(allowed('google', 'models/gemini-2.5-flash:generateContent', 'POST')).toBe(true);
    expect(allowed('google', 'models/gemini-2.5-flash:streamGenerateContent', 'POST')).toBe(true);
    expect(allowed('google', 'models', 'GET')).toBe(true);
    expect(allowed('google', 'models/gemini-2.5-flash', 'GET')).toBe(true);
    expect(allowed('google', 'models/gemini-2.5-flash:embedContent', 'POST')).toBe(false);
    expect(allowed('google', 'models/gemini-2.5-flash:embedContent', 'GET')).toBe(false);
    expect(allowed('google', 'models/:generateContent', 'POST')).toBe(false);
    expect(allowed('google', 'models/a:b:generateContent', 'POST')).toBe(false);
    expect(allowed('google', 'tunedModels/x:generateContent', 'POST')).toBe(false);
  });

  it('refuses everything else with 403 and lists what is forwarded', () => {
    for (const path of ['api/pull', 'pull', 'api/chat', 'files', 'fine_tuning/jobs', 'chat/completions/x', 'chat', 'admin', 'models/a/b', 'Chat/Completions']) {
      const r = apiPathRefusal('openai-compatible', path.split('/'), 'POST');
      expect(r?.status, path).toBe(403);
      expect(r?.message, path).toContain(`"${path}" is not one`);
      expect(r?.message, path).toContain('POST chat/completions, POST completions, POST embeddings, GET models, GET models/<id>');
    }
  });

  it('answers 405 for a forwarded path with the wrong method', () => {
    const list = apiPathRefusal('openai', ['models'], 'POST');
    expect(list?.status).toBe(405);
    expect(list?.message).toMatch(/forwards models for openai only as GET, not POST/);
    expect(apiPathRefusal('openai', ['chat', 'completions'], 'GET')?.status).toBe(405);
    expect(apiPathRefusal('google', ['models', 'g:generateContent'], 'GET')?.status).toBe(405);
  });

  it('describes the forwarded paths per provider', () => {
    expect(forwardedPaths('anthropic')).toBe('POST messages, POST messages/count_tokens, GET models, GET models/<id>');
    expect(forwardedPaths('google')).toBe('POST models/<model>:generateContent, POST models/<model>:streamGenerateContent, GET models, GET models/<id>');
  });
});
