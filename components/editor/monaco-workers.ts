// Monaco's web workers, bundled by the app and served from its own origin as module workers.

/** Labels Monaco asks a worker for when it works on TypeScript or JavaScript models. */
const TYPESCRIPT_LABELS = new Set(['typescript', 'javascript']);

/** Tells Monaco how to start its workers. Call before Monaco creates its first editor. */
export function installMonacoWorkers(): void {
  if (globalThis.MonacoEnvironment?.getWorker) return;
  globalThis.MonacoEnvironment = {
    ...globalThis.MonacoEnvironment,
    getWorker(_moduleId: string, label: string): Worker {
      if (TYPESCRIPT_LABELS.has(label)) {
        return new Worker(new URL('monaco-editor/languages/features/typescript/ts.worker', import.meta.url), {
          type: 'module',
          name: label,
        });
      }
      return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module', name: label });
    },
  };
}
