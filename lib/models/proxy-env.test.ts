import { describe, expect, it } from 'vitest';
import { allowedHostFor, proxyEnvFrom } from './proxy-env';

describe('proxyEnvFrom', () => {
  it('reads allowed hosts, each optionally paired with the variable holding its key', () => {
    const env = proxyEnvFrom({
      MODEL_PROXY_ALLOWED_HOSTS: ' localhost:11434, GPU.lan:8000 = VLLM_KEY ,,[::1]:8000, http://lan-box:1234/v1=LAN_KEY, 127.0.0.1:8080',
      VLLM_KEY: ' sk-vllm ',
      LAN_KEY: 'sk-lan',
    });
    expect(env.allowedHosts).toEqual([
      { host: 'localhost:11434' },
      { host: 'gpu.lan:8000', keyVariable: 'VLLM_KEY', key: 'sk-vllm' },
      { host: '[::1]:8000' },
      { host: 'lan-box:1234', keyVariable: 'LAN_KEY', key: 'sk-lan' },
      { host: '127.0.0.1:8080' },
    ]);
    expect(env.warnings).toEqual([]);
  });

  it('gives OPENAI_COMPATIBLE_API_KEY to no host unless the operator pairs it', () => {
    const unpaired = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'localhost:11434', OPENAI_COMPATIBLE_API_KEY: 'sk-compat' });
    expect(unpaired.allowedHosts).toEqual([{ host: 'localhost:11434' }]);
    expect(JSON.stringify(unpaired)).not.toContain('sk-compat');
    const paired = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'localhost:11434=OPENAI_COMPATIBLE_API_KEY', OPENAI_COMPATIBLE_API_KEY: 'sk-compat' });
    expect(paired.allowedHosts).toEqual([{ host: 'localhost:11434', keyVariable: 'OPENAI_COMPATIBLE_API_KEY', key: 'sk-compat' }]);
  });

  it('reads the fixed providers’ keys', () => {
    const env = proxyEnvFrom({ OPENAI_API_KEY: 'sk-openai', ANTHROPIC_API_KEY: ' sk-ant ', GOOGLE_GENERATIVE_AI_API_KEY: '', OPENAI_COMPATIBLE_API_KEY: 'sk-compat' });
    expect(env.keys).toEqual({ openai: 'sk-openai', anthropic: 'sk-ant' });
  });

  it('has no hosts, no keys and no opt-in by default', () => {
    expect(proxyEnvFrom({})).toEqual({ allowedHosts: [], keys: {}, allowNoOrigin: false, warnings: [] });
  });

  it('keeps a host whose key variable is unset or empty, without a key, and says so', () => {
    const env = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'gpu.lan:8000=VLLM_KEY,box:1=EMPTY_KEY', EMPTY_KEY: '  ' });
    expect(env.allowedHosts).toEqual([
      { host: 'gpu.lan:8000', keyVariable: 'VLLM_KEY' },
      { host: 'box:1', keyVariable: 'EMPTY_KEY' },
    ]);
    expect(env.warnings).toEqual([
      'MODEL_PROXY_ALLOWED_HOSTS: gpu.lan:8000 is allowed without a server key: VLLM_KEY is not set or empty.',
      'MODEL_PROXY_ALLOWED_HOSTS: box:1 is allowed without a server key: EMPTY_KEY is not set or empty.',
    ]);
  });

  it('ignores bad entries, naming each, and never repeats what follows "=" (it may be a pasted key)', () => {
    const env = proxyEnvFrom({
      MODEL_PROXY_ALLOWED_HOSTS: 'user@host, host:99999, a b, ok.example, gpu.lan=sk-proj-SECRET123, box=, lan=lower_case_key, =VLLM_KEY, other=AIzaSECRETkey',
    });
    expect(env.allowedHosts).toEqual([{ host: 'ok.example' }]);
    expect(env.warnings).toEqual([
      'MODEL_PROXY_ALLOWED_HOSTS: the entry "user@host" is ignored: it is not a host or host:port.',
      'MODEL_PROXY_ALLOWED_HOSTS: the entry "host:99999" is ignored: it is not a host or host:port.',
      'MODEL_PROXY_ALLOWED_HOSTS: the entry "a b" is ignored: it is not a host or host:port.',
      expect.stringMatching(/^MODEL_PROXY_ALLOWED_HOSTS: the entry "gpu\.lan=…" is ignored: after "=" comes the NAME of the environment variable/),
      expect.stringMatching(/^MODEL_PROXY_ALLOWED_HOSTS: the entry "box=…" is ignored/),
      expect.stringMatching(/^MODEL_PROXY_ALLOWED_HOSTS: the entry "lan=…" is ignored/),
      'MODEL_PROXY_ALLOWED_HOSTS: the entry "=…" is ignored: it is not a host or host:port.',
      expect.stringMatching(/^MODEL_PROXY_ALLOWED_HOSTS: the entry "other=…" is ignored/),
    ]);
    for (const secret of ['SECRET', 'lower_case_key']) expect(env.warnings.join('\n')).not.toContain(secret);
  });

  it('keeps the first of two entries for one host and says so when they differ', () => {
    const env = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'box:1=A_KEY,box:1,box:1=A_KEY,other', A_KEY: 'k' });
    expect(env.allowedHosts).toEqual([{ host: 'box:1', keyVariable: 'A_KEY', key: 'k' }, { host: 'other' }]);
    expect(env.warnings).toEqual(['MODEL_PROXY_ALLOWED_HOSTS: box:1 is listed twice; the first entry (box:1=A_KEY) counts.']);
  });

  it('reads the no-Origin opt-in', () => {
    expect(proxyEnvFrom({ MODEL_PROXY_ALLOW_NO_ORIGIN: '1' }).allowNoOrigin).toBe(true);
    expect(proxyEnvFrom({ MODEL_PROXY_ALLOW_NO_ORIGIN: 'true' }).allowNoOrigin).toBe(true);
    expect(proxyEnvFrom({ MODEL_PROXY_ALLOW_NO_ORIGIN: '0' })).toMatchObject({ allowNoOrigin: false, warnings: [] });
    expect(proxyEnvFrom({ MODEL_PROXY_ALLOW_NO_ORIGIN: 'yes please' })).toMatchObject({
      allowNoOrigin: false,
      warnings: ['MODEL_PROXY_ALLOW_NO_ORIGIN is neither 1 nor 0; calls without Origin or Sec-Fetch-Site stay refused.'],
    });
  });
});

describe('allowedHostFor', () => {
  const env = proxyEnvFrom({ MODEL_PROXY_ALLOWED_HOSTS: 'localhost:11434=K,llm.example.com,secure.example:443', K: 'k' });

  it('matches exactly the host[:port] listed; an entry without a port means the default port', () => {
    expect(allowedHostFor(new URL('http://localhost:11434/v1'), env)).toEqual({ host: 'localhost:11434', keyVariable: 'K', key: 'k' });
    expect(allowedHostFor(new URL('http://LOCALHOST:11434/v1'), env)?.host).toBe('localhost:11434');
    expect(allowedHostFor(new URL('http://localhost:11435/v1'), env)).toBeUndefined();
    expect(allowedHostFor(new URL('http://localhost/v1'), env)).toBeUndefined();
    expect(allowedHostFor(new URL('https://llm.example.com/v1'), env)?.host).toBe('llm.example.com');
    expect(allowedHostFor(new URL('http://llm.example.com/v1'), env)?.host).toBe('llm.example.com');
    expect(allowedHostFor(new URL('https://llm.example.com:8443/v1'), env)).toBeUndefined();
    expect(allowedHostFor(new URL('https://secure.example/v1'), env)?.host).toBe('secure.example:443');
    expect(allowedHostFor(new URL('http://secure.example/v1'), env)).toBeUndefined();
    expect(allowedHostFor(new URL('http://sub.llm.example.com/v1'), env)).toBeUndefined();
  });
});
