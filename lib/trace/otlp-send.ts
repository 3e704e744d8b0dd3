// Sends an OTLP/protobuf trace request to an OTLP/HTTP endpoint (Phoenix, Langfuse, Jaeger, a collector). Header
// values are credentials: they go to that endpoint only and never into a message, a log or an export.

/** OTLP/HTTP's protobuf body type (kept here, not beside the serializer, so sending does not load it). */
export const OTLP_PROTOBUF_TYPE = 'application/x-protobuf';

export type OtlpHeaders = Record<string, string>;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `Name: value` lines (blank lines skipped) → headers; the message names the bad line by number, never its value. */
export function parseOtlpHeaders(text: string): { ok: true; headers: OtlpHeaders } | { ok: false; message: string } {
  const headers: OtlpHeaders = {};
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    const value = colon > 0 ? line.slice(colon + 1).trim() : '';
    if (!name || !HEADER_NAME.test(name)) return { ok: false, message: `header line ${i + 1}: expected "Name: value", e.g. "Authorization: Basic …"` };
    if (!value) return { ok: false, message: `header line ${i + 1} (${name}): the value is empty` };
    if (/[\r\n\0]/.test(value)) return { ok: false, message: `header line ${i + 1} (${name}): the value has a control character` };
    headers[name] = value;
  }
  return { ok: true, headers };
}

/** An http(s) address, or why not. */
export function checkOtlpEndpoint(endpoint: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return { ok: false, message: `${JSON.stringify(endpoint.slice(0, 200))} is not an address: expected e.g. http://localhost:6006/v1/traces` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `${url.protocol} addresses are not OTLP/HTTP endpoints: use http:// or https://` };
  if (url.username || url.password) return { ok: false, message: 'put credentials in a header (e.g. Authorization), not in the address' };
  return { ok: true, url };
}

export type OtlpSendResult = { ok: true; status: number } | { ok: false; message: string; reached: boolean; status?: number };

export interface OtlpSendOptions {
  endpoint: string;
  headers?: OtlpHeaders;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

/** POSTs the protobuf body; a refusal says the endpoint's status and the start of its answer (header values cut out). */
export async function sendOtlp(body: Uint8Array, { endpoint, headers = {}, fetch = globalThis.fetch, signal }: OtlpSendOptions): Promise<OtlpSendResult> {
  const checked = checkOtlpEndpoint(endpoint);
  if (!checked.ok) return { ok: false, message: checked.message, reached: false };
  let response: Response;
  try {
    response = await fetch(checked.url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': OTLP_PROTOBUF_TYPE },
      body: new Uint8Array(body),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    return { ok: false, reached: false, message: `could not reach ${checked.url.origin} (${redact(error instanceof Error ? error.message : String(error), headers)})` };
  }
  if (response.ok) {
    await response.body?.cancel();
    return { ok: true, status: response.status };
  }
  const text = redact((await response.text().catch(() => '')).slice(0, 300), headers).trim();
  return { ok: false, reached: true, status: response.status, message: `${checked.url.origin}${checked.url.pathname} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${text ? `: ${text}` : ''}` };
}

/** A message with every header value cut out (an endpoint may echo the credentials it refused). */
export function redact(text: string, headers: OtlpHeaders): string {
  let result = text;
  for (const value of Object.values(headers)) {
    if (value.length >= 4) result = result.split(value).join('[header value]');
    const token = value.split(' ').at(-1);
    if (token && token.length >= 8) result = result.split(token).join('[header value]');
  }
  return result;
}

/** How the page sends: straight to the endpoint, through this app's server (/api/otlp-proxy), or straight first and
 * through the server when the browser cannot reach the endpoint (no CORS, mixed content). */
export type OtlpRoute = 'auto' | 'browser' | 'proxy';

export interface OtlpDeliverOptions extends OtlpSendOptions {
  route: OtlpRoute;
  /** The app's own origin, where the proxy lives. */
  appOrigin: string;
}

export type OtlpDelivery = (OtlpSendResult & { via: 'browser' | 'proxy' });

export async function deliverOtlp(body: Uint8Array, { route, appOrigin, ...options }: OtlpDeliverOptions): Promise<OtlpDelivery> {
  if (route !== 'proxy') {
    const direct = await sendOtlp(body, options);
    if (direct.ok || direct.reached || route === 'browser') return { ...direct, via: 'browser' };
  }
  const checked = checkOtlpEndpoint(options.endpoint);
  if (!checked.ok) return { ok: false, reached: false, message: checked.message, via: 'proxy' };
  const fetchImpl = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchImpl(`${appOrigin.replace(/\/+$/, '')}/api/otlp-proxy`, {
      method: 'POST',
      headers: { 'Content-Type': OTLP_PROTOBUF_TYPE, 'x-otlp-endpoint': checked.url.href, 'x-otlp-headers': JSON.stringify(options.headers ?? {}) },
      body: new Uint8Array(body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    return { ok: false, reached: false, via: 'proxy', message: `could not reach this app's server (${error instanceof Error ? error.message : String(error)})` };
  }
  if (response.ok) {
    await response.body?.cancel();
    return { ok: true, status: response.status, via: 'proxy' };
  }
  const text = redact(await response.text().catch(() => ''), options.headers ?? {});
  if (response.headers.get('x-otlp-proxy-refusal')) {
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // Not the proxy's JSON: show the text.
    }
    return { ok: false, reached: false, status: response.status, via: 'proxy', message };
  }
  return { ok: false, reached: true, status: response.status, via: 'proxy', message: `${checked.url.origin}${checked.url.pathname} answered ${response.status}${text.trim() ? `: ${text.trim().slice(0, 300)}` : ''}` };
}
