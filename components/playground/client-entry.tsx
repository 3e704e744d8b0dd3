'use client';
// Loads the playground in the browser only: it lives on local storage, workers and WebAssembly.
import dynamic from 'next/dynamic';
import { z } from 'zod';

// zod compiles fast parsers with `Function` when it may; the page's Content-Security-Policy forbids eval, so zod is
// told not to try (its probe would be reported as a violation).
z.config({ jitless: true });

export const Playground = dynamic(() => import('./playground-app'), {
  ssr: false,
  loading: () => <p className="p-6">Loading the playground…</p>,
});
