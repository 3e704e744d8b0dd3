'use client';
// The models an OpenAI-compatible server offers, asked again (after a pause) whenever its address, the key or the route changes.
import { useEffect, useRef, useState } from 'react';
import { listModels } from '@/lib/models/list-models';

/** Wait after the last keystroke before asking the server. */
export const LIST_DEBOUNCE_MS = 500;
/** A server that doesn't answer the listing in this time is reported as unreachable. */
export const LIST_TIMEOUT_MS = 15_000;

export type ModelListState = { status: 'idle' | 'loading' } | { status: 'ok'; models: string[] } | { status: 'error'; message: string };

export function useModelList(target: { baseURL: string; apiKey?: string; via: 'browser' | 'proxy' } | undefined): { list: ModelListState; refresh: () => void } {
  const [list, setList] = useState<ModelListState>({ status: 'idle' });
  const [asked, setAsked] = useState(0);
  const answered = useRef(0);
  const baseURL = target?.baseURL;
  const apiKey = target?.apiKey;
  const via = target?.via ?? 'browser';

  useEffect(() => {
    if (!baseURL) return;
    const controller = new AbortController();
    // A click on "List models" asks at once; typing waits for a pause.
    const now = asked !== answered.current;
    answered.current = asked;
    const timer = setTimeout(
      async () => {
        setList({ status: 'loading' });
        const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(LIST_TIMEOUT_MS)]);
        const result = await listModels({ baseURL, via, pageOrigin: location.origin, signal, ...(apiKey ? { apiKey } : {}) });
        if (controller.signal.aborted) return;
        setList(result.ok ? { status: 'ok', models: result.models } : { status: 'error', message: result.message });
      },
      now ? 0 : LIST_DEBOUNCE_MS,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [baseURL, apiKey, via, asked]);

  return { list: baseURL ? list : { status: 'idle' }, refresh: () => setAsked((n) => n + 1) };
}
