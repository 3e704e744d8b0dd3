// Where a run is sent live as OpenTelemetry: the endpoint and its route (kept in this browser's storage), and the
// endpoint's headers, which are credentials and so kept like API keys: in memory for this tab unless the person asks
// to remember them, never in the playground document, a link, an export or a trace.
import { create } from 'zustand';
import { deliverOtlp, parseOtlpHeaders, type OtlpDelivery, type OtlpRoute } from '../trace/otlp-send';

export const OTLP_STORAGE = 'agent-playground:otlp';

export interface OtlpStore {
  endpoint: string;
  /** `Name: value` lines. */
  headersText: string;
  /** Keep the header lines in this browser's storage too. */
  rememberHeaders: boolean;
  route: OtlpRoute;
  sending: boolean;
  /** The last send's outcome, in words. */
  result?: { ok: boolean; message: string };
  setEndpoint: (endpoint: string) => void;
  setHeadersText: (text: string) => void;
  setRememberHeaders: (remember: boolean) => void;
  setRoute: (route: OtlpRoute) => void;
  forgetHeaders: () => void;
  /** Sends these protobuf bytes to the endpoint (`spans`: how many, for the message). */
  send: (bytes: Uint8Array, spans: number, appOrigin: string, fetchImpl?: typeof fetch) => Promise<OtlpDelivery | undefined>;
}

let storage: () => Storage | undefined = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** Tests give the store an in-memory Storage. */
export function setOtlpStorage(next: () => Storage | undefined): void {
  storage = next;
}

function persist(state: Pick<OtlpStore, 'endpoint' | 'route' | 'headersText' | 'rememberHeaders'>): void {
  try {
    storage()?.setItem(
      OTLP_STORAGE,
      JSON.stringify({ version: 1, endpoint: state.endpoint, route: state.route, ...(state.rememberHeaders && state.headersText.trim() ? { headers: state.headersText } : {}) }),
    );
  } catch {
    // Storage full or blocked: the settings still work for this tab.
  }
}

export const useOtlpStore = create<OtlpStore>((set, get) => {
  const update = (patch: Partial<OtlpStore>) => {
    set(patch);
    persist(get());
  };
  return {
    endpoint: '',
    headersText: '',
    rememberHeaders: false,
    route: 'auto',
    sending: false,
    setEndpoint: (endpoint) => update({ endpoint, result: undefined }),
    setHeadersText: (headersText) => update({ headersText, result: undefined }),
    setRememberHeaders: (rememberHeaders) => update({ rememberHeaders }),
    setRoute: (route) => update({ route, result: undefined }),
    forgetHeaders: () => update({ headersText: '', rememberHeaders: false, result: undefined }),
    async send(bytes, spans, appOrigin, fetchImpl) {
      const { endpoint, headersText, route } = get();
      if (!endpoint.trim()) {
        set({ result: { ok: false, message: 'Enter the endpoint’s address first, e.g. http://localhost:6006/v1/traces.' } });
        return undefined;
      }
      const headers = parseOtlpHeaders(headersText);
      if (!headers.ok) {
        set({ result: { ok: false, message: `Headers: ${headers.message}.` } });
        return undefined;
      }
      set({ sending: true, result: undefined });
      const delivery = await deliverOtlp(bytes, { endpoint: endpoint.trim(), headers: headers.headers, route, appOrigin, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
      const how = delivery.via === 'proxy' ? ' through this app’s server' : '';
      set({
        sending: false,
        result: delivery.ok
          ? { ok: true, message: `Sent ${spans} span${spans === 1 ? '' : 's'}${how} (${delivery.status}).` }
          : { ok: false, message: `Not sent${how}: ${delivery.message}` },
      });
      return delivery;
    },
  };
});

/** The endpoint, route and (when remembered) header lines stored in this browser; bad storage is ignored. */
export function hydrateOtlpStore(): void {
  let data: unknown;
  try {
    data = JSON.parse(storage()?.getItem(OTLP_STORAGE) ?? 'null');
  } catch {
    return;
  }
  if (!data || typeof data !== 'object') return;
  const record = data as { version?: unknown; endpoint?: unknown; route?: unknown; headers?: unknown };
  if (record.version !== 1) return;
  useOtlpStore.setState({
    ...(typeof record.endpoint === 'string' ? { endpoint: record.endpoint } : {}),
    ...(record.route === 'auto' || record.route === 'browser' || record.route === 'proxy' ? { route: record.route } : {}),
    ...(typeof record.headers === 'string' ? { headersText: record.headers, rememberHeaders: true } : {}),
  });
}

/** The header values, for the same leak checks as API keys (a value found in a link or an export stops it). */
export function otlpHeaderSecrets(): Record<string, string> {
  const parsed = parseOtlpHeaders(useOtlpStore.getState().headersText);
  if (!parsed.ok) return {};
  return Object.fromEntries(Object.entries(parsed.headers).map(([name, value]) => [`the OpenTelemetry header ${name}`, value]));
}
