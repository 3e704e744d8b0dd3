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

describe('a browser that cannot reach a provider: what is true of its CORS', () => {
  const failed = new TypeError('Failed to fetch');
  const page = { via: 'browser' as const, pageOrigin: 'http://127.0.0.1:3000', preset: undefined };

  it('OpenAI and Google answer browsers: the network or the address is the likely cause, not CORS', () => {
    for (const [provider, baseURL, label] of [
      ['openai', 'https://api.openai.com/v1', 'OpenAI'],
      ['google', 'https://generativelanguage.googleapis.com/v1beta', 'Google'],
    ] as const) {
      const { message } = classifyModelFailure(failed, { ...base, ...page, provider, baseURL });
      expect(message).toContain(`${label} answers calls from browsers (CORS allows any page), so CORS is not the cause.`);
      expect(message).toMatch(/likely cause is the network: this computer is offline/);
      expect(message).not.toMatch(/does not accept calls straight from a browser/);
    }
  });

  it('Anthropic answers browsers that send its header, which the app sends', () => {
    const { message } = classifyModelFailure(failed, { ...base, ...page, provider: 'anthropic', baseURL: 'https://api.anthropic.com/v1' });
    expect(message).toMatch(/anthropic-dangerous-direct-browser-access\), so CORS is not the cause/);
  });

  it('a gateway at another address, or a remote OpenAI-compatible server, must allow the page itself', () => {
    const gateway = classifyModelFailure(failed, { ...base, ...page, provider: 'openai', baseURL: 'https://gateway.example.com/v1' });
    expect(gateway.message).toMatch(/does not allow calls from this page \(http:\/\/127\.0\.0\.1:3000\) — CORS/);
    const remote = classifyModelFailure(failed, { ...base, ...page, provider: 'openai-compatible', preset: 'custom', baseURL: 'https://llm.example.com/v1' });
    expect(remote.message).toMatch(/Access-Control-Allow-Origin.*MODEL_PROXY_ALLOWED_HOSTS/);
    const router = classifyModelFailure(failed, { ...base, ...page, provider: 'openai-compatible', preset: 'openrouter', baseURL: 'https://openrouter.ai/api/v1' });
    expect(router.message).toMatch(/OpenRouter answers calls from browsers/);
  });

  it('Ollama already allows pages on localhost; from another origin it needs OLLAMA_ORIGINS', () => {
    expect(classifyModelFailure(failed, { ...base, pageOrigin: 'http://localhost:3000' }).message).toMatch(/CORS is unlikely: Ollama allows pages on localhost/);
    expect(classifyModelFailure(failed, { ...base, pageOrigin: 'http://192.168.1.20:3000' }).message).toMatch(/OLLAMA_ORIGINS set to this page’s origin/);
  });
});

describe('answers the app’s proxy made itself', () => {
  const proxied = { ...base, provider: 'openai' as const, preset: undefined, via: 'proxy' as const, pageOrigin: 'http://127.0.0.1:3000' };
  const marked = (statusCode: number, mark: string, body: unknown) =>
    new APICallError({ message: 'x', url: 'u', requestBodyValues: {}, statusCode, responseHeaders: { 'x-agent-playground-proxy': mark }, responseBody: JSON.stringify(body), isRetryable: true });

  it('an unreachable provider is the server’s network, not retryable, with advice per cause', () => {
    const dns = classifyModelFailure(marked(502, 'unreachable', { error: { kind: 'unreachable', code: 'ENOTFOUND', host: 'api.openai.com' } }), proxied);
    expect(dns).toMatchObject({ kind: 'unreachable', retryable: false });
    expect(dns.message).toMatch(/^The app's server could not reach api\.openai\.com \(DNS lookup failed\)\. Check that server's network: is it online, and can it resolve api\.openai\.com/);
    const refused = classifyModelFailure(marked(502, 'unreachable', { error: { kind: 'unreachable', code: 'ECONNREFUSED', host: '127.0.0.1:3919' } }), proxied);
    expect(refused.message).toMatch(/\(connection refused\)\. Nothing answers at 127\.0\.0\.1:3919 as seen from the app's server/);
    const tls = classifyModelFailure(marked(502, 'unreachable', { error: { kind: 'unreachable', code: 'TLS', host: 'api.openai.com', detail: 'CERT_HAS_EXPIRED' } }), proxied);
    expect(tls.message).toMatch(/\(the TLS \(https\) connection failed: CERT_HAS_EXPIRED\)\. Check the address/);
  });

  it('an unmarked 502 through the proxy is still the provider’s, and retryable', () => {
    const upstream = new APICallError({ message: 'x', url: 'u', requestBodyValues: {}, statusCode: 502, responseHeaders: {}, responseBody: '', isRetryable: true });
    expect(classifyModelFailure(upstream, proxied)).toMatchObject({ kind: 'server', retryable: true });
    // A browser-direct call never reads the mark (only the app's own proxy sets it).
    expect(classifyModelFailure(marked(502, 'unreachable', { error: { host: 'x' } }), { ...proxied, via: 'browser' }).kind).toBe('server');
  });
});
