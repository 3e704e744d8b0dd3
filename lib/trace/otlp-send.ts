// Sends an OTLP/protobuf trace request to an OTLP/HTTP endpoint (Phoenix, Langfuse, Jaeger, a collector). Header
// values are credentials: they go to that endpoint only and never into a message, a log or an export.
import { OTLP_PROTOBUF_TYPE } from './otlp-protobuf';

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
