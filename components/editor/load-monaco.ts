// Loads the locally bundled Monaco once per page, on demand, and prepares it for tools sources.
import type * as Monaco from 'monaco-editor';
import { configureTypeScript } from './configure-typescript';
import { defineEditorThemes } from './editor-themes';
import { installMonacoWorkers } from './monaco-workers';
import { registerToolHovers } from './tool-hovers';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | undefined;

/** Resolves with the Monaco API. Only call in the browser. A failed load is retried on the next call. */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= (async () => {
    installMonacoWorkers();
    const monaco = await import('monaco-editor');
    configureTypeScript(monaco);
    defineEditorThemes(monaco);
    registerToolHovers(monaco);
    return monaco;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
