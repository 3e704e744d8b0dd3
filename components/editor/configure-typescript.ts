// The TypeScript service behind the tools editor: modern JavaScript, strict, and only the sandbox's globals.
import type * as Monaco from 'monaco-editor';
import { SANDBOX_GLOBALS_DTS, SANDBOX_GLOBALS_URI } from './sandbox-globals';

export function configureTypeScript(monaco: typeof Monaco): void {
  const { typescriptDefaults, ScriptTarget, ModuleKind } = monaco.typescript;
  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ESNext,
    module: ModuleKind.ESNext,
    strict: true,
    // No DOM: tools run in a sandbox that has none.
    lib: ['esnext'],
    allowNonTsExtensions: true,
  });
  const present = typescriptDefaults.getExtraLibs()[SANDBOX_GLOBALS_URI];
  if (present?.content !== SANDBOX_GLOBALS_DTS) typescriptDefaults.addExtraLib(SANDBOX_GLOBALS_DTS, SANDBOX_GLOBALS_URI);
}
