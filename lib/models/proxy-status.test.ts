import { describe, expect, it } from 'vitest';
import { proxyEnvFrom } from './proxy-env';
import { proxyStartupLines, proxyStatus } from './proxy-status';

const ENV = {
  OPENAI_API_KEY: 'sk-secret-openai',
  OPENAI_COMPATIBLE_API_KEY: 'sk-secret-compat',
  VLLM_KEY: 'sk-secret-vllm',
  MODEL_PROXY_ALLOWED_HOSTS: 'localhost:11434,gpu.lan:8000=VLLM_KEY,box:1=MISSING_KEY,bad=sk-secret-pasted',
};

describe('proxyStatus', () => {
  it('tells which providers and hosts have a server key and from which variable, never the key', () => {
    const status = proxyStatus(proxyEnvFrom(ENV));
    expect(status).toEqual({
      serverKeys: { openai: true, anthropic: false, google: false },
      allowedHosts: [
        { host: 'localhost:11434', serverKey: false },
        { host: 'gpu.lan:8000', keyVariable: 'VLLM_KEY', serverKey: true },
        { host: 'box:1', keyVariable: 'MISSING_KEY', serverKey: false },
      ],
      allowNoOrigin: false,
      warnings: [
        'MODEL_PROXY_ALLOWED_HOSTS: box:1 is allowed without a server key: MISSING_KEY is not set or empty.',
        expect.stringMatching(/^MODEL_PROXY_ALLOWED_HOSTS: the entry "bad=…" is ignored/),
      ],
    });
    expect(JSON.stringify(status)).not.toContain('sk-secret');
  });
});

describe('proxyStartupLines', () => {
  it('says nothing for an unconfigured proxy', () => {
    expect(proxyStartupLines(proxyEnvFrom({}))).toEqual([]);
  });

  it('summarises keys, hosts, the opt-in and every warning, never a key', () => {
    const lines = proxyStartupLines(proxyEnvFrom({ ...ENV, MODEL_PROXY_ALLOW_NO_ORIGIN: '1' }));
    expect(lines).toEqual([
      'model-proxy: server keys for openai (OPENAI_API_KEY), sent only to their own APIs',
      'model-proxy: MODEL_PROXY_ALLOWED_HOSTS: localhost:11434 (no server key), gpu.lan:8000 (server key from VLLM_KEY), box:1 (no server key)',
      'model-proxy: MODEL_PROXY_ALLOW_NO_ORIGIN=1: calls without Origin or Sec-Fetch-Site are accepted',
      'model-proxy: warning: MODEL_PROXY_ALLOWED_HOSTS: box:1 is allowed without a server key: MISSING_KEY is not set or empty.',
      expect.stringMatching(/^model-proxy: warning: MODEL_PROXY_ALLOWED_HOSTS: the entry "bad=…" is ignored/),
    ]);
    expect(lines.join('\n')).not.toContain('sk-secret');
  });
});
