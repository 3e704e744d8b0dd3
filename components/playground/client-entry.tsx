'use client';
// Loads the playground in the browser only: it lives on local storage, workers and WebAssembly. Its code is a static
// import, so the page's HTML names its chunks and the browser fetches them with the framework's, in one round trip;
// the server renders only the loading line, and the playground mounts once the page runs in the browser.
import './zod-config';
import { useSyncExternalStore } from 'react';
import PlaygroundApp from './playground-app';

const noSubscription = () => () => {};

export function Playground() {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  return inBrowser ? <PlaygroundApp /> : <p className="p-6">Loading the playground…</p>;
}
