import { describe, expect, it } from 'vitest';
import { heavyImports, importCycles, pageImportGraph, staticImports, type ImportGraph } from './page-import-graph';

describe('the page import graph', () => {
  it('has no import circles in lib, components and app: every arrow points one way', () => {
    expect(importCycles()).toEqual([]);
  });

  it('reaches no heavy package statically: the TypeScript compiler, Monaco, the AI SDK, QuickJS and the step card load in workers or on demand', () => {
    expect(heavyImports(pageImportGraph())).toEqual([]);
  });

  it('does not import the lib/agent or lib/tools index (they pull in the agent loop and the TypeScript compiler)', () => {
    const modules = [...pageImportGraph().modules.keys()];
    expect(modules.filter((m) => m === 'lib/agent/index.ts' || m === 'lib/tools/index.ts' || m === 'lib/agent/strip-types.ts')).toEqual([]);
  });

  it('leaves out the share links’ dictionary (24 KB of text): it loads when a link is first made or opened', () => {
    const modules = [...pageImportGraph().modules.keys()];
    expect(modules).toContain('lib/share/link-dictionary.ts');
    expect(modules.filter((m) => m === 'lib/share/link-dictionary-v2.ts' || m === 'lib/share/link-dictionary-register.ts')).toEqual([]);
  });

  it('would catch a heavy package reached through a chain of modules', () => {
    // The runner worker builds agents and compiles tools: its graph must show the compiler, with the chain to it.
    const heavy = heavyImports(pageImportGraph(['lib/runner/runner-worker.ts']));
    expect(heavy.some((chain) => chain.startsWith('lib/runner/runner-worker.ts → ') && chain.endsWith(' → typescript'))).toBe(true);
  });

  it('follows value imports and re-exports, and skips type-only ones', () => {
    const source = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, e } from './d';",
      "import f from './f';",
      "import './side-effect.css';",
      "export type { G } from './g';",
      "export { h } from './h';",
      "export * from './i';",
      "const j = await import('./j');",
    ].join('\n');
    expect(staticImports('x.ts', source)).toEqual(['./d', './f', './side-effect.css', './h', './i']);
  });

  it('names the chain that brings a heavy package in', () => {
    const graph: ImportGraph = {
      modules: new Map([
        ['entry.tsx', undefined],
        ['mid.ts', 'entry.tsx'],
      ]),
      packages: new Map([
        ['typescript', 'mid.ts'],
        ['@ai-sdk/openai', 'entry.tsx'],
        ['zustand', 'entry.tsx'],
      ]),
    };
    expect(heavyImports(graph)).toEqual(['entry.tsx → mid.ts → typescript', 'entry.tsx → @ai-sdk/openai']);
  });
});
