'use client';
// Sending a run live to an OpenTelemetry (OTLP/HTTP) endpoint: its address, its headers (credentials, kept like API
// keys) and the route. All state lives in the OTLP store; the bytes come from the share store's protobuf export.
import { useId, useMemo } from 'react';
import { useOtlpStore } from '@/lib/store/otlp-store';
import { useRunStore } from '@/lib/store/run-store';
import { makeOtlpProtobufExport, runShareability } from '@/lib/store/share-store';
import type { OtlpRoute } from '@/lib/trace/otlp-send';

const ROUTES: { value: OtlpRoute; label: string }[] = [
  { value: 'auto', label: 'From the browser, else through this app’s server' },
  { value: 'browser', label: 'From the browser only' },
  { value: 'proxy', label: 'Through this app’s server' },
];

export function OtlpSettings() {
  const id = useId();
  const { endpoint, headersText, rememberHeaders, route, sending, result } = useOtlpStore();
  const { setEndpoint, setHeadersText, setRememberHeaders, setRoute, forgetHeaders, send } = useOtlpStore.getState();
  const events = useRunStore((s) => s.events);
  const phase = useRunStore((s) => s.phase);
  const run = useMemo(() => runShareability(events, undefined, phase !== 'idle'), [events, phase]);

  const sendRun = async () => {
    const file = await makeOtlpProtobufExport();
    if (!file.ok) return useOtlpStore.setState({ result: { ok: false, message: file.message } });
    await send(file.bytes, file.spans, location.origin);
  };

  return (
    <fieldset className="space-y-3" data-testid="otlp-settings">
      <legend className="text-sm font-semibold">OpenTelemetry</legend>
      <p className="muted text-sm">Send the run as OTLP/protobuf (GenAI conventions) to Phoenix, Langfuse, Jaeger or a collector.</p>
      <label className="block space-y-1">
        <span className="label">Endpoint</span>
        <input className="field font-mono" type="url" value={endpoint} placeholder="http://localhost:6006/v1/traces" spellCheck={false} onChange={(e) => setEndpoint(e.target.value)} />
      </label>
      <div className="space-y-1">
        <label htmlFor={`${id}-headers`} className="label block">
          Headers
        </label>
        <textarea
          id={`${id}-headers`}
          className="field min-h-16 font-mono [-webkit-text-security:disc]"
          value={headersText}
          placeholder="Authorization: Basic …"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-headers-help`}
          onChange={(e) => setHeadersText(e.target.value)}
        />
        <p id={`${id}-headers-help`} className="muted text-xs">
          One <span className="font-mono">Name: value</span> per line. Like API keys: sent to this endpoint only (or to this app’s server to pass on), never in a link, an export or a trace.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={rememberHeaders} onChange={(e) => setRememberHeaders(e.target.checked)} />
            Remember the headers in this browser
          </label>
          <button type="button" className="btn" disabled={!headersText && !rememberHeaders} onClick={forgetHeaders}>
            Forget headers
          </button>
        </div>
      </div>
      <label className="block space-y-1">
        <span className="label">Route</span>
        <select className="field" value={route} onChange={(e) => setRoute(e.target.value as OtlpRoute)}>
          {ROUTES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <div className="space-y-1">
        <button type="button" className="btn" disabled={!run.ok || sending} aria-describedby={!run.ok ? `${id}-why` : undefined} onClick={() => void sendRun()}>
          {sending ? 'Sending…' : 'Send run to OpenTelemetry'}
        </button>
        {!run.ok && (
          <p id={`${id}-why`} className="muted text-xs">
            {run.reason}
          </p>
        )}
        {result && (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'text-sm text-green-800 dark:text-green-300' : 'text-sm text-red-800 dark:text-red-300'}>
            {result.message}
          </p>
        )}
      </div>
    </fieldset>
  );
}
