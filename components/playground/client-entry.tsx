'use client';
// Loads the playground in the browser only: it lives on local storage, workers and WebAssembly.
import dynamic from 'next/dynamic';

export const Playground = dynamic(() => import('./playground-app'), {
  ssr: false,
  loading: () => <p className="p-6">Loading the playground…</p>,
});
