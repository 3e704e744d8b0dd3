import { describe, expect, it } from 'vitest';
import { isAppHost, policyFetch, sameServer } from './network-policy';

const request = (url: string) => ({ url, method: 'GET', headers: {} });
const signal = new AbortController().signal;

describe('the tools’ fetch never reaches the app itself', () => {
  it('refuses the app’s own origin even when the playground lists its host', async () => {
    const calls: string[] = [];
    const policy = {
      allowedHosts: ['127.0.0.1:3000', 'localhost', 'api.example.com'],
      refusedOrigins: ['http://127.0.0.1:3000'],
      fetch: (async (url: string) => {
        calls.push(url);
        return new Response('ok');
      }) as unknown as typeof fetch,
    };
    await expect(policyFetch(policy, request('http://127.0.0.1:3000/api/model-proxy/openai-compatible/chat/completions'), signal)).rejects.toThrow(/this app's own address/);
    // Another name for the same machine and port is the same server.
    await expect(policyFetch(policy, request('http://localhost:3000/api/model-proxy/openai/models'), signal)).rejects.toThrow(/this app's own address/);
    expect(calls).toEqual([]);
    await expect(policyFetch(policy, request('http://localhost:4000/data'), signal)).resolves.toMatchObject({ status: 200 });
    await expect(policyFetch(policy, request('https://api.example.com/x'), signal)).resolves.toMatchObject({ status: 200 });
    expect(calls).toEqual(['http://localhost:4000/data', 'https://api.example.com/x']);
  });

  it('knows which allowed-host entries name the app', () => {
    expect(isAppHost('127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(isAppHost('localhost:3000', '127.0.0.1:3000')).toBe(true);
    expect(isAppHost('127.0.0.1', '127.0.0.1:3000')).toBe(true);
    expect(isAppHost('127.0.0.1:3001', '127.0.0.1:3000')).toBe(false);
    expect(isAppHost('playground.example.com', 'playground.example.com')).toBe(true);
    expect(isAppHost('*.example.com', 'playground.example.com')).toBe(true);
    expect(isAppHost('api.example.com', 'playground.example.com')).toBe(false);
    expect(sameServer(new URL('https://app.example.com/x'), 'https://app.example.com:443')).toBe(true);
    expect(sameServer(new URL('http://app.example.com/x'), 'https://app.example.com')).toBe(false);
  });
});
