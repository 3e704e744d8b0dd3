import { describe, expect, it } from 'vitest';
import { proxyEnvFrom, type ProxyEnv } from './proxy-env';
import {
  forwardRequestHeaders,
  forwardResponseHeaders,
  privateKind,
  PROXY_BASE_URL_HEADER,
  PROXY_PATH,
  proxyBaseURL,
  resolveProxyTarget,
  type ProxyTarget,
} from './proxy-policy';

const NO_ENV: ProxyEnv = proxyEnvFrom({});

/** Model listings are GETs, everything else a POST, as the app sends them. */
function methodFor(path: string[]): string {
  return path[0] === 'models' && !path[1]?.includes(':') ? 'GET' : 'POST';
}

function resolve(provider: string, path: string[], opts: { search?: string; base?: string | null; env?: ProxyEnv; method?: string } = {}): ProxyTarget {
  return resolveProxyTarget(
    { provider, method: opts.method ?? methodFor(path), path, search: opts.search ?? '', baseURLHeader: opts.base ?? null },
    opts.env ?? NO_ENV,
  );
}

function urlOf(target: ProxyTarget): string {
  if (!target.ok) throw new Error(`refused ${target.status}: ${target.message}`);
  return target.url.href;
}

function refusal(target: ProxyTarget): { status: number; message: string } {
  if (target.ok) throw new Error(`expected a refusal, got ${target.url.href}`);
  return target;
}

function compatible(base: string, env: ProxyEnv = NO_ENV, path = ['chat', 'completions']): ProxyTarget {
  return resolve('openai-compatible', path, { base, env });
}

describe('proxyBaseURL', () => {
  it('puts the provider under the proxy path', () => {
    expect(PROXY_PATH).toBe('/api/model-proxy');
    expect(proxyBaseURL('http://127.0.0.1:3000', 'openai')).toBe('http://127.0.0.1:3000/api/model-proxy/openai');
    expect(proxyBaseURL('https://play.example.com/', 'openai-compatible')).toBe('https://play.example.com/api/model-proxy/openai-compatible');
  });
});

describe('resolveProxyTarget: fixed providers', () => {
  it('maps each provider to its fixed upstream', () => {
    expect(urlOf(resolve('openai', ['chat', 'completions']))).toBe('https://api.openai.com/v1/chat/completions');
    expect(urlOf(resolve('anthropic', ['messages']))).toBe('https://api.anthropic.com/v1/messages');
    expect(urlOf(resolve('google', ['models', 'gemini-2.5-flash:streamGenerateContent'], { search: '?alt=sse' }))).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
  });

  it('ignores the base URL header for fixed providers', () => {
    expect(urlOf(resolve('openai', ['models'], { base: 'https://evil.com/v1' }))).toBe('https://api.openai.com/v1/models');
  });

  it('refuses an unknown provider with 404', () => {
    for (const provider of ['azure', '', 'OPENAI', '..', 'openai/../x']) {
      const r = refusal(resolve(provider, ['models']));
      expect(r.status).toBe(404);
      expect(r.message).toMatch(/serves openai, anthropic, google, openai-compatible/);
    }
  });

  it('refuses an empty path', () => {
    expect(refusal(resolve('openai', [])).status).toBe(403);
  });

  it('encodes characters that would change the URL and keeps the ones model APIs use', () => {
    expect(urlOf(resolve('openai', ['models', 'a?b#c d']))).toBe('https://api.openai.com/v1/models/a%3Fb%23c%20d');
    expect(urlOf(resolve('google', ['models', 'x@y,w:generateContent']))).toBe('https://generativelanguage.googleapis.com/v1beta/models/x@y,w:generateContent');
    expect(urlOf(resolve('openai', ['models', '100%']))).toBe('https://api.openai.com/v1/models/100%25');
  });

  it('passes the query string through', () => {
    expect(urlOf(resolve('openai', ['models'], { search: '?limit=2&after=x' }))).toBe('https://api.openai.com/v1/models?limit=2&after=x');
    expect(urlOf(resolve('openai', ['models'], { search: '?' }))).toBe('https://api.openai.com/v1/models');
  });
});

describe('resolveProxyTarget: path segments', () => {
  const bad = ['..', '.', '', '%2e%2e', '%2E%2e', '.%2e', '%2e', '%252e%252e', 'a/b', 'a%2fb', 'a%2Fb', '%252f', 'a\\b', '%5c', 'x%5Cy', '..%2f', 'a\nb'];
  for (const segment of bad) {
    it(`refuses ${JSON.stringify(segment)}`, () => {
      const r = refusal(resolve('openai', ['v1', segment, 'models']));
      expect(r.status).toBe(403);
      expect(r.message).toMatch(/path segment/);
    });
  }

  it('refuses traversal for openai-compatible as well', () => {
    expect(refusal(compatible('https://openrouter.ai/api/v1', NO_ENV, ['..', '..', 'admin'])).status).toBe(403);
    expect(refusal(compatible('https://openrouter.ai/api/v1', NO_ENV, ['%2e%2e', 'admin'])).status).toBe(403);
  });

  it('allows dots inside a segment', () => {
    expect(urlOf(resolve('google', ['models', 'gemini-2.5-flash..x']))).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash..x');
    expect(urlOf(resolve('google', ['models', 'gemini-2.5-flash..x:generateContent']))).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash..x:generateContent',
    );
  });
});

describe('resolveProxyTarget: model API paths only', () => {
  const ollama = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'localhost:11434' });

  it("refuses Ollama's own API on an allowed Ollama host, however it is written", () => {
    const attempts: Array<[string, string[]]> = [
      ['http://localhost:11434/v1', ['api', 'pull']],
      ['http://localhost:11434', ['api', 'pull']],
      ['http://localhost:11434/api', ['pull']],
      ['http://localhost:11434/v1', ['..', 'api', 'pull']],
      ['http://localhost:11434/v1', ['%2e%2e', 'api', 'pull']],
      ['http://localhost:11434/v1', ['..%2fapi%2fpull']],
    ];
    for (const [base, path] of attempts) {
      const r = refusal(compatible(base, ollama, path));
      expect(r.status, `${base} ${path.join('/')}`).toBe(403);
    }
    expect(refusal(compatible('http://localhost:11434/v1', ollama, ['api', 'pull'])).message).toMatch(
      /"api\/pull" is not one.*POST chat\/completions, POST completions, POST embeddings, GET models, GET models\/<id>/,
    );
  });

  it('forwards the model API below an allowed base URL', () => {
    expect(urlOf(compatible('http://localhost:11434/v1', ollama))).toBe('http://localhost:11434/v1/chat/completions');
    expect(urlOf(resolve('openai-compatible', ['models'], { base: 'http://localhost:11434/v1', env: ollama }))).toBe('http://localhost:11434/v1/models');
  });

  it('refuses other paths on the fixed providers too', () => {
    for (const [provider, path] of [
      ['openai', ['files']],
      ['openai', ['fine_tuning', 'jobs']],
      ['openai', ['organization', 'api_keys']],
      ['anthropic', ['messages', 'batches']],
      ['google', ['files']],
      ['google', ['tunedModels']],
    ] as const) {
      const r = refusal(resolve(provider, [...path], { method: 'POST' }));
      expect(r.status, path.join('/')).toBe(403);
      expect(r.message).toContain('forwards model API calls only');
    }
  });

  it('refuses a model API path with the wrong method (405)', () => {
    expect(refusal(resolve('openai', ['chat', 'completions'], { method: 'GET' })).status).toBe(405);
    expect(refusal(resolve('openai', ['models'], { method: 'POST' })).status).toBe(405);
  });

  it('refuses dot segments, encoded dots or slashes and backslashes in the base URL, before they collapse', () => {
    for (const base of [
      'http://localhost:11434/v1/../api',
      'http://localhost:11434/v1/./x',
      'http://localhost:11434/v1/..',
      'http://localhost:11434/%2e%2e/api',
      'http://localhost:11434/v1%2f..%2fapi',
      'http://localhost:11434/v1\\..\\api',
      'http://localhost:11434/v1/%5c',
    ]) {
      const r = refusal(compatible(base, ollama));
      expect(r.status, base).toBe(400);
      expect(r.message, base).toMatch(/base URL .* is refused: its path contains/);
    }
  });
});

describe('resolveProxyTarget: openai-compatible base URL', () => {
  it('allows the preset hosts over https', () => {
    expect(urlOf(compatible('https://openrouter.ai/api/v1'))).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(urlOf(compatible('https://router.huggingface.co/v1/'))).toBe('https://router.huggingface.co/v1/chat/completions');
    for (const host of ['api.together.xyz', 'api.groq.com', 'api.deepseek.com', 'api.mistral.ai']) {
      expect(urlOf(compatible(`https://${host}/v1`))).toBe(`https://${host}/v1/chat/completions`);
    }
    expect(urlOf(compatible('https://api.deepseek.com'))).toBe('https://api.deepseek.com/chat/completions');
    expect(urlOf(compatible('https://openrouter.ai:443/api/v1'))).toBe('https://openrouter.ai/api/v1/chat/completions');
  });

  it('accepts an uppercase scheme and host', () => {
    expect(urlOf(compatible('HTTPS://OpenRouter.AI/api/v1'))).toBe('https://openrouter.ai/api/v1/chat/completions');
  });

  it('needs the header (400)', () => {
    for (const base of [null, '', '   ']) {
      const r = refusal(resolve('openai-compatible', ['models'], { base }));
      expect(r.status).toBe(400);
      expect(r.message).toContain(PROXY_BASE_URL_HEADER);
    }
  });

  it('refuses a header that is not an absolute URL (400)', () => {
    expect(refusal(compatible('openrouter.ai/api/v1')).status).toBe(400);
    expect(refusal(compatible('/api/v1')).status).toBe(400);
  });

  it('refuses hosts that only look like a preset', () => {
    for (const base of [
      'https://openrouter.ai.evil.com/api/v1',
      'https://evil.com#@openrouter.ai',
      'https://evil.com?@openrouter.ai',
      'https://evil.com\\@openrouter.ai/api/v1',
      'https://evilopenrouter.ai/api/v1',
      'https://sub.openrouter.ai/api/v1',
      'https://openrouter.ai./api/v1',
      'https://openrouter.ai:8443/api/v1',
      'https://xn--openruter-8jh.ai/api/v1',
    ]) {
      const r = refusal(compatible(base));
      expect(r.status, base).toBe(403);
      expect(r.message, base).toContain('MODEL_PROXY_ALLOWED_HOSTS');
    }
  });

  it('says which host to allow', () => {
    const r = refusal(compatible('https://llm.example.com:8443/v1'));
    expect(r.message).toContain('llm.example.com:8443 is not one of the OpenAI-compatible services');
    expect(r.message).toContain('add llm.example.com:8443 to MODEL_PROXY_ALLOWED_HOSTS');
  });

  it('refuses plain http for a preset host, and says why', () => {
    const r = refusal(compatible('http://openrouter.ai/api/v1'));
    expect(r.status).toBe(403);
    expect(r.message).toContain('only over https');
    expect(r.message).toContain('MODEL_PROXY_ALLOWED_HOSTS');
  });

  it('refuses other schemes', () => {
    for (const base of ['file:///etc/passwd', 'ftp://openrouter.ai/api/v1', 'data:text/plain,hi', 'javascript:alert(1)', 'ws://openrouter.ai/v1', 'gopher://openrouter.ai/']) {
      const r = refusal(compatible(base));
      expect(r.status, base).toBe(403);
      expect(r.message, base).toMatch(/only https:\/\//);
    }
  });

  it('refuses user:password@ even on a preset host', () => {
    for (const base of ['https://openrouter.ai@evil.com/api/v1', 'https://user:pass@openrouter.ai/api/v1', 'https://user@openrouter.ai/api/v1', 'https://:pw@openrouter.ai/api/v1']) {
      const r = refusal(compatible(base));
      expect(r.status, base).toBe(403);
      expect(r.message).toMatch(/user name or password/);
    }
  });

  it('refuses a query or fragment on the base URL', () => {
    expect(refusal(compatible('https://openrouter.ai/api/v1?x=1')).status).toBe(400);
    expect(refusal(compatible('https://openrouter.ai/api/v1#frag')).status).toBe(400);
    expect(refusal(compatible('https://openrouter.ai/api/v1?')).status).toBe(400);
  });

  it('refuses loopback, private, link-local and unspecified addresses unless allowed', () => {
    const cases: Array<[string, RegExp]> = [
      ['https://127.0.0.1:8080/v1', /127\.0\.0\.1:8080 is a loopback address/],
      ['https://127.1.2.3/v1', /loopback/],
      ['https://2130706433/v1', /127\.0\.0\.1 is a loopback address/],
      ['https://0x7f.1/v1', /127\.0\.0\.1 is a loopback/],
      ['https://10.0.0.5/v1', /private/],
      ['https://172.16.0.1/v1', /private/],
      ['https://172.31.255.255/v1', /private/],
      ['https://192.168.1.10:8000/v1', /private/],
      ['https://169.254.169.254/latest', /link-local/],
      ['https://0.0.0.0:11434/v1', /unspecified/],
      ['https://[::1]:8000/v1', /\[::1\]:8000 is a loopback address/],
      ['https://[::]/v1', /unspecified/],
      ['https://[::ffff:127.0.0.1]/v1', /loopback/],
      ['https://[::ffff:a9fe:a9fe]/v1', /link-local/],
      ['https://[fc00::1]/v1', /unique local/],
      ['https://[fd12:3456::1]/v1', /unique local/],
      ['https://[fe80::1]/v1', /link-local/],
      ['https://localhost:11434/v1', /localhost:11434 is a loopback name/],
      ['https://LOCALHOST/v1', /loopback name/],
      ['https://api.localhost/v1', /loopback name/],
      ['https://metadata.google.internal/computeMetadata', /internal name/],
      ['http://localhost:11434/v1', /loopback name/],
    ];
    for (const [base, why] of cases) {
      const r = refusal(compatible(base));
      expect(r.status, base).toBe(403);
      expect(r.message, base).toMatch(why);
      expect(r.message, base).toMatch(/add \S+ to MODEL_PROXY_ALLOWED_HOSTS/);
    }
  });

  it('allows exactly the host[:port] the operator listed, over http or https', () => {
    const env = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'localhost:11434,127.0.0.1:8080,[::1]:8000,llm.example.com,10.0.0.5' });
    expect(urlOf(compatible('http://localhost:11434/v1', env))).toBe('http://localhost:11434/v1/chat/completions');
    expect(urlOf(compatible('https://127.0.0.1:8080/v1', env))).toBe('https://127.0.0.1:8080/v1/chat/completions');
    expect(urlOf(compatible('http://[::1]:8000/v1', env))).toBe('http://[::1]:8000/v1/chat/completions');
    expect(urlOf(compatible('https://llm.example.com/v1', env))).toBe('https://llm.example.com/v1/chat/completions');
    expect(urlOf(compatible('http://llm.example.com/v1', env))).toBe('http://llm.example.com/v1/chat/completions');
    expect(urlOf(compatible('http://10.0.0.5/v1', env))).toBe('http://10.0.0.5/v1/chat/completions');
    // Not the same host[:port]:
    expect(refusal(compatible('http://localhost:11435/v1', env)).status).toBe(403);
    expect(refusal(compatible('http://localhost/v1', env)).status).toBe(403);
    expect(refusal(compatible('https://127.0.0.1/v1', env)).status).toBe(403);
    expect(refusal(compatible('https://llm.example.com:8443/v1', env)).status).toBe(403);
    expect(refusal(compatible('https://10.0.0.6/v1', env)).status).toBe(403);
    // Allowed hosts still follow the other rules.
    expect(refusal(compatible('ftp://localhost:11434/v1', env)).status).toBe(403);
    expect(refusal(compatible('http://u:p@localhost:11434/v1', env)).status).toBe(403);
    expect(refusal(compatible('http://localhost:11434/v1', env, ['%2e%2e', 'x'])).status).toBe(403);
  });

  it('matches an allowed entry with an explicit default port', () => {
    const env = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'llm.example.com:443' });
    expect(urlOf(compatible('https://llm.example.com/v1', env))).toBe('https://llm.example.com/v1/chat/completions');
    expect(refusal(compatible('http://llm.example.com/v1', env)).status).toBe(403);
  });

  it('keeps the final URL on the base origin', () => {
    const env = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'localhost:11434' });
    const target = compatible('http://localhost:11434/v1', env, ['models', '@evil.com']);
    expect(urlOf(target)).toBe('http://localhost:11434/v1/models/@evil.com');
  });
});

describe('privateKind', () => {
  it('leaves public names and addresses alone', () => {
    for (const host of ['openrouter.ai', '8.8.8.8', '172.32.0.1', '192.169.0.1', '[2001:4860:4860::8888]', '[::ffff:808:808]']) {
      expect(privateKind(host), host).toBeUndefined();
    }
  });
});

describe('forwardRequestHeaders', () => {
  const incoming = () =>
    new Headers({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: 'Bearer sk-user',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'tools-2024',
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
      'http-referer': 'https://play.example.com',
      'x-title': 'Agent Playground',
      cookie: 'session=secret',
      host: 'play.example.com',
      origin: 'https://play.example.com',
      'x-forwarded-for': '1.2.3.4',
      'x-forwarded-host': 'play.example.com',
      'user-agent': 'Mozilla/5.0',
      [PROXY_BASE_URL_HEADER]: 'https://openrouter.ai/api/v1',
      'anthropic-dangerous-direct-browser-access': 'true',
      'accept-encoding': 'gzip',
      'content-length': '12',
    });

  it('passes only the allowed headers, the caller\'s own key unchanged', () => {
    const out = forwardRequestHeaders(incoming(), 'openai', 'sk-server');
    expect(Object.fromEntries(out)).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: 'Bearer sk-user',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'tools-2024',
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
      'http-referer': 'https://play.example.com',
      'x-title': 'Agent Playground',
    });
  });

  it("adds the server key it is given in each provider's header", () => {
    const plain = new Headers({ 'content-type': 'application/json' });
    expect(forwardRequestHeaders(plain, 'openai', 'k-o').get('authorization')).toBe('Bearer k-o');
    expect(forwardRequestHeaders(plain, 'openai-compatible', 'k-c').get('authorization')).toBe('Bearer k-c');
    const anthropic = forwardRequestHeaders(plain, 'anthropic', 'k-a');
    expect(anthropic.get('x-api-key')).toBe('k-a');
    expect(anthropic.get('authorization')).toBeNull();
    const google = forwardRequestHeaders(plain, 'google', 'k-g');
    expect(google.get('x-goog-api-key')).toBe('k-g');
    expect(google.get('authorization')).toBeNull();
  });

  it("never adds a server key beside the caller's own, in any credential header", () => {
    expect(forwardRequestHeaders(new Headers({ authorization: 'Bearer mine' }), 'openai', 'k-o').get('authorization')).toBe('Bearer mine');
    const a = forwardRequestHeaders(new Headers({ authorization: 'Bearer mine' }), 'anthropic', 'k-a');
    expect(a.get('x-api-key')).toBeNull();
    const g = forwardRequestHeaders(new Headers({ 'x-goog-api-key': 'mine' }), 'google', 'k-g');
    expect(g.get('x-goog-api-key')).toBe('mine');
  });

  it('adds nothing without a server key', () => {
    const out = forwardRequestHeaders(new Headers({ 'content-type': 'application/json' }), 'openai-compatible', undefined);
    expect(out.get('authorization')).toBeNull();
    expect(out.get('content-type')).toBe('application/json');
  });
});

describe('forwardResponseHeaders', () => {
  it('passes only the allowed response headers', () => {
    const upstream = new Headers({
      'content-type': 'text/event-stream',
      'retry-after': '3',
      'retry-after-ms': '3000',
      'x-ratelimit-remaining-requests': '99',
      'X-RateLimit-Limit-Tokens': '1000',
      'anthropic-ratelimit-requests-remaining': '5',
      'x-request-id': 'req_1',
      'cache-control': 'no-cache',
      'set-cookie': '__cf_bm=abc; path=/',
      'content-encoding': 'gzip',
      'content-length': '999',
      'access-control-allow-origin': '*',
      server: 'cloudflare',
      'strict-transport-security': 'max-age=1',
    });
    expect(Object.fromEntries(forwardResponseHeaders(upstream))).toEqual({
      'content-type': 'text/event-stream',
      'retry-after': '3',
      'retry-after-ms': '3000',
      'x-ratelimit-remaining-requests': '99',
      'x-ratelimit-limit-tokens': '1000',
      'anthropic-ratelimit-requests-remaining': '5',
      'x-request-id': 'req_1',
      'cache-control': 'no-cache',
    });
  });
});
