// Loads the QuickJS WebAssembly module once per variant (the wasm is served with the app, never from a CDN).
import { newQuickJSWASMModuleFromVariant, type QuickJSSyncVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';

export type { QuickJSSyncVariant };

const modules = new Map<QuickJSSyncVariant, Promise<QuickJSWASMModule>>();

export function loadQuickJS(variant: QuickJSSyncVariant = releaseSync): Promise<QuickJSWASMModule> {
  let loading = modules.get(variant);
  if (!loading) {
    loading = newQuickJSWASMModuleFromVariant(variant);
    modules.set(variant, loading);
    loading.catch(() => modules.delete(variant));
  }
  return loading;
}
