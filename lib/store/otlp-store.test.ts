import { beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../test-support/memory-storage';
import { hydrateOtlpStore, OTLP_STORAGE, otlpHeaderSecrets, setOtlpStorage, useOtlpStore } from './otlp-store';

const SECRET = 'Basic cGstbGYtMTpzay1sZi1zZWNyZXQ=';
let storage: Storage;
beforeEach(() => {
  storage = memoryStorage();
  setOtlpStorage(() => storage);
  useOtlpStore.setState({ endpoint: '', headersText: '', rememberHeaders: false, route: 'auto', sending: false, result: undefined });
});

describe('the OpenTelemetry settings', () => {
  it('keeps the endpoint in this browser but the headers in memory only, unless asked to remember them', () => {
    const s = useOtlpStore.getState();
    s.setEndpoint('http://localhost:6006/v1/traces');
    s.setHeadersText(`Authorization: ${SECRET}`);
    expect(storage.getItem(OTLP_STORAGE)).not.toContain(SECRET);
    useOtlpStore.setState({ endpoint: '', headersText: '' });
    hydrateOtlpStore();
    expect(useOtlpStore.getState()).toMatchObject({ endpoint: 'http://localhost:6006/v1/traces', headersText: '' });

    useOtlpStore.getState().setHeadersText(`Authorization: ${SECRET}`);
    useOtlpStore.getState().setRememberHeaders(true);
    useOtlpStore.setState({ headersText: '', rememberHeaders: false });
    hydrateOtlpStore();
    expect(useOtlpStore.getState()).toMatchObject({ headersText: `Authorization: ${SECRET}`, rememberHeaders: true });

    useOtlpStore.getState().forgetHeaders();
    expect(storage.getItem(OTLP_STORAGE)).not.toContain(SECRET);
    expect(useOtlpStore.getState().headersText).toBe('');
  });

  it('gives the header values to the leak checks of links and exports', () => {
    useOtlpStore.getState().setHeadersText(`Authorization: ${SECRET}\nx-project: demo`);
    expect(otlpHeaderSecrets()).toEqual({ 'the OpenTelemetry header Authorization': SECRET, 'the OpenTelemetry header x-project': 'demo' });
  });

  it('says what happened to a send, never showing a header value, and sends nothing while a header line is bad', async () => {
    const bodies: unknown[] = [];
    const fetchImpl = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(init?.body);
      return new Response(`nope ${SECRET}`, { status: 401 });
    }) as typeof fetch;
    const s = useOtlpStore.getState();
    s.setEndpoint('http://127.0.0.1:6006/v1/traces');
    s.setHeadersText(`Authorization ${SECRET}`);
    await useOtlpStore.getState().send(new Uint8Array([1]), 8, 'http://127.0.0.1:3000', fetchImpl);
    expect(useOtlpStore.getState().result).toEqual({ ok: false, message: expect.stringContaining('header line 1') });
    expect(bodies).toHaveLength(0);

    useOtlpStore.getState().setHeadersText(`Authorization: ${SECRET}`);
    await useOtlpStore.getState().send(new Uint8Array([1]), 8, 'http://127.0.0.1:3000', fetchImpl);
    const result = useOtlpStore.getState().result!;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('answered 401');
    expect(result.message).not.toContain(SECRET);

    const ok = (async () => new Response(null, { status: 200 })) as typeof fetch;
    await useOtlpStore.getState().send(new Uint8Array([1]), 8, 'http://127.0.0.1:3000', ok);
    expect(useOtlpStore.getState().result).toEqual({ ok: true, message: 'Sent 8 spans (200).' });
  });
});
