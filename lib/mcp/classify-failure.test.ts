// What a failed connection is said to be, for the cases a loopback server can't stage (a browser's hidden reasons, a
// protocol version the SDK refuses).
import { describe, expect, it } from 'vitest';
import { classifyMcpFailure } from './classify-failure';

const ctx = { server: 'weather', url: 'https://mcp.example.com/mcp', withToken: false };
const browserFetchError = new TypeError('Failed to fetch');

describe('classifyMcpFailure', () => {
  it('in a browser: both causes, and what to set for CORS, when nothing can tell which', () => {
    const failure = classifyMcpFailure(browserFetchError, { networkError: browserFetchError }, { ...ctx, pageOrigin: 'http://127.0.0.1:3000' });
    expect(failure.kind).toBe('unreachable');
    expect(failure.message).toMatch(/browsers hide the reason\. Either the server is not running .* or it does not allow calls from this page \(http:\/\/127\.0\.0\.1:3000\): CORS\. For CORS, the server must answer with Access-Control-Allow-Origin: http:\/\/127\.0\.0\.1:3000/);
  });

  it('in a browser: CORS when the app server sees the server answer, with what to set', () => {
    const failure = classifyMcpFailure(browserFetchError, { networkError: browserFetchError }, { ...ctx, pageOrigin: 'http://127.0.0.1:3000', reachableWithoutCors: true });
    expect(failure.kind).toBe('cors');
    expect(failure.message).toMatch(/does not allow calls from this page \(http:\/\/127\.0\.0\.1:3000\): CORS/);
    expect(failure.message).toMatch(/Access-Control-Allow-Origin: http:\/\/127\.0\.0\.1:3000.*Mcp-Session-Id.*MCP_PROXY_ALLOWED_HOSTS/);
  });

  it('in a browser: unreachable when the app server sees nothing answer either', () => {
    const failure = classifyMcpFailure(browserFetchError, { networkError: browserFetchError }, { ...ctx, pageOrigin: 'http://127.0.0.1:3000', reachableWithoutCors: false });
    expect(failure).toMatchObject({ kind: 'unreachable', message: expect.stringMatching(/Could not reach the MCP server 'weather' at https:\/\/mcp\.example\.com\/mcp: the server is not running/) });
  });

  it('a protocol version the client does not speak', () => {
    const failure = classifyMcpFailure(new Error("Server's protocol version is not supported: 1999-01-01"), { status: 200, contentType: 'application/json' }, ctx);
    expect(failure).toMatchObject({ kind: 'protocol', message: expect.stringMatching(/protocol version this app does not speak \(1999-01-01\)/) });
  });

  it('405 and a wrong content type are not an MCP endpoint; 403 with a token is the token', () => {
    expect(classifyMcpFailure(new Error('x'), { status: 405 }, ctx).kind).toBe('not-mcp');
    expect(classifyMcpFailure(new Error('Unexpected content type: text/html'), { status: 200, contentType: 'text/html' }, ctx).message).toMatch(/answered with text\/html/);
    expect(classifyMcpFailure(new Error('x'), { status: 403 }, { ...ctx, withToken: true }).message).toMatch(/refused the token \(403\).*MCP_TOKEN_WEATHER/);
  });

  it('through the app server, a network failure is about that server', () => {
    const failure = classifyMcpFailure(browserFetchError, { networkError: browserFetchError }, { ...ctx, pageOrigin: 'http://127.0.0.1:3000', viaProxy: true });
    expect(failure.message).toMatch(/Could not reach this app's server to forward/);
  });
});
