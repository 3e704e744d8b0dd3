import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, noOriginRefusal } from './proxy-origin';

const URL_ = 'http://127.0.0.1:3000/api/model-proxy/openai/chat/completions';

describe('crossSiteRefusal', () => {
  it("lets the app's own pages through, by Origin and by Sec-Fetch-Site", () => {
    expect(crossSiteRefusal(URL_, new Headers({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBeUndefined();
    expect(crossSiteRefusal(URL_, new Headers({ origin: 'http://127.0.0.1:3000' }))).toBeUndefined();
    expect(crossSiteRefusal(URL_, new Headers({ 'sec-fetch-site': 'same-origin' }))).toBeUndefined();
    expect(crossSiteRefusal(URL_, new Headers({ 'sec-fetch-site': 'none' }))).toBeUndefined();
    expect(crossSiteRefusal(URL_, new Headers())).toBeUndefined();
  });

  it('refuses an Origin that is not the app’s, even without Sec-Fetch-Site', () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:3001', 'http://localhost:3000', 'null', 'file://', 'chrome-extension://abc', 'not a url']) {
      const r = crossSiteRefusal(URL_, new Headers({ origin }));
      expect(r?.status, origin).toBe(403);
      expect(r?.message, origin).toContain(`another origin (Origin: ${JSON.stringify(origin)})`);
    }
  });

  it('refuses Sec-Fetch-Site cross-site and same-site, whatever Origin says', () => {
    for (const site of ['cross-site', 'same-site', 'CROSS-SITE']) {
      const r = crossSiteRefusal(URL_, new Headers({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': site }));
      expect(r?.status, site).toBe(403);
      expect(r?.message).toMatch(/another site \(Sec-Fetch-Site: (cross|same)-site\)/);
    }
  });

  it('accepts the origin the request was addressed to behind a reverse proxy (Host, X-Forwarded-Host), over https too', () => {
    const inner = 'http://localhost:3000/api/model-proxy/openai/models';
    expect(crossSiteRefusal(inner, new Headers({ origin: 'https://play.example.com', host: 'play.example.com' }))).toBeUndefined();
    expect(crossSiteRefusal(inner, new Headers({ origin: 'https://play.example.com', host: 'localhost:3000', 'x-forwarded-host': 'play.example.com' }))).toBeUndefined();
    expect(crossSiteRefusal(inner, new Headers({ origin: 'https://evil.example', host: 'play.example.com' }))?.status).toBe(403);
  });
});

describe('noOriginRefusal', () => {
  const bare = new Headers({ 'content-type': 'application/json' });
  const off = { allowNoOrigin: false, usesServerKey: false };

  it('refuses a POST with neither Origin nor Sec-Fetch-Site, with or without a server key, and names the opt-in', () => {
    for (const usesServerKey of [false, true]) {
      const r = noOriginRefusal('POST', bare, { allowNoOrigin: false, usesServerKey });
      expect(r?.status).toBe(403);
      expect(r?.message).toContain('without an Origin or Sec-Fetch-Site header');
      expect(r?.message).toContain('MODEL_PROXY_ALLOW_NO_ORIGIN=1');
    }
  });

  it('refuses a GET without them only when it would carry the server key', () => {
    expect(noOriginRefusal('GET', bare, off)).toBeUndefined();
    expect(noOriginRefusal('HEAD', bare, off)).toBeUndefined();
    expect(noOriginRefusal('GET', bare, { allowNoOrigin: false, usesServerKey: true })?.message).toMatch(/refuses a call that would use the server’s key/);
  });

  it('lets browser calls and, when the operator opts in, scripts through', () => {
    expect(noOriginRefusal('POST', new Headers({ origin: 'http://127.0.0.1:3000' }), off)).toBeUndefined();
    expect(noOriginRefusal('POST', new Headers({ 'sec-fetch-site': 'same-origin' }), off)).toBeUndefined();
    expect(noOriginRefusal('POST', bare, { allowNoOrigin: true, usesServerKey: true })).toBeUndefined();
  });
});
