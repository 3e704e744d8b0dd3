import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { classifyModelFailure, ModelTimeoutError, retryAfter, type FailureContext } from './model-errors';

const base: FailureContext = { provider: 'openai-compatible', preset: 'ollama', model: 'llama3.2', baseURL: 'http://localhost:11434/v1', via: 'browser', partialChars: 0, timeoutMs: 120_000 };
const status = (statusCode: number, body = '') =>
  new APICallError({ message: 'x', url: 'u', requestBodyValues: {}, statusCode, responseHeaders: {}, responseBody: body, isRetryable: false });

describe('classifyModelFailure', () => {
  it('explains a browser that cannot reach a local server: CORS settings per server, mixed content, private network', () => {
    const failure = classifyModelFailure(new TypeError('Failed to fetch'), { ...base, pageOrigin: 'https://playground.example.com' });
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/could not reach Ollama at http:\/\/localhost:11434\/v1/);
    expect(failure.message).toMatch(/OLLAMA_ORIGINS/);
    expect(failure.message).toMatch(/Enable CORS/);
    expect(failure.message).toMatch(/mixed content/);
    expect(failure.message).toMatch(/Private Network Access/);
  });

  it('leaves out mixed content and private-network advice when the page itself is local over http', () => {
    const failure = classifyModelFailure(new TypeError('Failed to fetch'), { ...base, pageOrigin: 'http://127.0.0.1:3000' });
    expect(failure.message).not.toMatch(/mixed content|Private Network/);
  });

  it('suggests the server proxy when a remote provider cannot be reached from the browser', () => {
    const failure = classifyModelFailure(new TypeError('Failed to fetch'), { ...base, provider: 'openai', preset: undefined, baseURL: 'https://api.openai.com/v1', pageOrigin: 'http://127.0.0.1:3000' });
    expect(failure.message).toMatch(/through this app's server/);
  });

  it('names the cause in Node, where it is known', () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    expect(classifyModelFailure(error, base).message).toBe('Could not reach Ollama at http://localhost:11434/v1 (connection refused: is the server running, on that port?).');
  });

  it('maps 401, 403, 404 and 400 to what to check, quoting the provider', () => {
    expect(classifyModelFailure(status(401, '{"error":{"message":"bad key"}}'), { ...base, provider: 'openai', preset: undefined }).message).toMatch(
      /OpenAI rejected the API key \(401 Unauthorized\)\. The server said: “bad key”\. Check the key in Settings → Model/,
    );
    expect(classifyModelFailure(status(403), base).kind).toBe('forbidden');
    expect(classifyModelFailure(status(404, '{"error":"model \\"llama9\\" not found"}'), base).message).toMatch(/has no model 'llama3.2'.*not found.*Check the model name/s);
    expect(classifyModelFailure(status(400, 'stop is not supported'), base)).toMatchObject({ kind: 'bad-request', retryable: false });
  });

  it('tells a proxy user where the server key goes', () => {
    expect(classifyModelFailure(status(401), { ...base, provider: 'anthropic', preset: undefined, via: 'proxy' }).message).toMatch(/ANTHROPIC_API_KEY/);
  });

  it('marks 429 and 5xx retryable with the wait the server asked for', () => {
    const limited = new APICallError({ message: 'x', url: 'u', requestBodyValues: {}, statusCode: 429, responseHeaders: { 'Retry-After': '3' }, isRetryable: true });
    expect(classifyModelFailure(limited, base)).toMatchObject({ kind: 'rate-limit', retryable: true, retryAfterMs: 3_000 });
    expect(classifyModelFailure(status(502), base)).toMatchObject({ kind: 'server', retryable: true });
  });

  it('distinguishes a cut stream (text arrived) from a failure before any text', () => {
    expect(classifyModelFailure(new TypeError('terminated'), { ...base, partialChars: 40 }).kind).toBe('cut');
    expect(classifyModelFailure(new ModelTimeoutError('t'), { ...base, timeoutMs: 30_000 }).message).toMatch(/sent nothing for 30 s/);
  });
});

describe('retryAfter', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfter({ 'retry-after': '1.5' })).toBe(1_500);
    expect(retryAfter({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    expect(retryAfter({ 'retry-after': new Date(Date.now() + 10_000).toUTCString() })).toBeGreaterThan(8_000);
    expect(retryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfter(undefined)).toBeUndefined();
  });
});
