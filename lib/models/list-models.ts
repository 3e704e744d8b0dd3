// The models an OpenAI-compatible server offers (GET {baseURL}/models), for the model picker.
import { redactSecrets } from './redact-secrets';
import { PROXY_BASE_URL_HEADER, proxyBaseURL } from './proxy-policy';

export type ModelList = { ok: true; models: string[] } | { ok: false; message: string };

export interface ListModelsOptions {
  baseURL: string;
  apiKey?: string;
  via: 'browser' | 'proxy';
  /** Needed for calls through the app's proxy. */
  pageOrigin?: string;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

export async function listModels(options: ListModelsOptions): Promise<ModelList> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const base = options.baseURL.replace(/\/+$/, '');
  const viaProxy = options.via === 'proxy' && options.pageOrigin;
  const url = viaProxy ? `${proxyBaseURL(options.pageOrigin!, 'openai-compatible')}/models` : `${base}/models`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  if (viaProxy) headers[PROXY_BASE_URL_HEADER] = base;
  const hide = (text: string) => redactSecrets(text, [options.apiKey]);
  let response: Response;
  try {
    response = await doFetch(url, { headers, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    return { ok: false, message: hide(`could not reach ${base}/models (${error instanceof Error ? error.message : String(error)}): is the server running and does it allow calls from this page (CORS)?`) };
  }
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    return { ok: false, message: hide(`${base}/models answered ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`) };
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    return { ok: false, message: `${base}/models did not answer with JSON: is this an OpenAI-compatible address (it usually ends in /v1)?` };
  }
  const list = (data as { data?: unknown }).data;
  if (!Array.isArray(list)) return { ok: false, message: `${base}/models answered without a "data" list of models` };
  const models = list.map((m) => (m && typeof m === 'object' ? (m as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string');
  return { ok: true, models: [...new Set(models)].sort() };
}
