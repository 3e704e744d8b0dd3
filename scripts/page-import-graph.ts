// The page's static import graph: every module the browser must load before the playground can render, starting
// from the page's entry modules and following static (value) imports only. Dynamic `import()`, `new Worker(new
// URL(...))` and type-only imports are not followed: they load on demand, in a worker, or not at all.
// Used by page-import-graph.test.ts to keep heavy packages (the TypeScript compiler, Monaco, the AI SDK, QuickJS)
// off the page's critical path, and by hand (`npx tsx scripts/page-import-graph.ts`) to see what a chunk holds.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');

/** The modules a first visit loads before the playground shows: the route and its client entry (which imports the playground). */
export const PAGE_ENTRIES = ['app/page.tsx', 'components/playground/client-entry.tsx'];

/** Packages that must never be reached statically from the page: they load in a worker or on demand. */
export const HEAVY_PACKAGES = [
  'typescript',
  'monaco-editor',
  'ai',
  '@ai-sdk/*',
  'quickjs-emscripten-core',
  '@jitl/*',
  '@webcontainer/api',
  'acorn',
  'acorn-walk',
  'react-markdown',
  // The built-in visit_webpage's HTML → Markdown: only the runner worker needs it.
  'turndown',
  '@mixmark-io/domino',
];

export interface ImportGraph {
  /** Each project module reached, with the module that first imported it (undefined for an entry). */
  modules: Map<string, string | undefined>;
  /** Each package specifier reached, with the project module that imported it. */
  packages: Map<string, string>;
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.json', '/index.ts', '/index.tsx'];

function resolveLocal(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(dirname(join(ROOT, from)), spec);
  const found = [base, ...EXTENSIONS.map((e) => base + e)].find((p) => existsSync(p) && statSync(p).isFile());
  return found && relative(ROOT, found);
}

/** True when an import or export declaration brings in values (not only types). */
function bringsValues(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return true; // a side-effect import
    if (clause.isTypeOnly) return false;
    if (clause.name) return true;
    const bindings = clause.namedBindings;
    if (!bindings || ts.isNamespaceImport(bindings)) return true;
    return bindings.elements.length === 0 || bindings.elements.some((e) => !e.isTypeOnly);
  }
  if (node.isTypeOnly) return false;
  const clause = node.exportClause;
  if (!clause || ts.isNamespaceExport(clause)) return true;
  return clause.elements.length === 0 || clause.elements.some((e) => !e.isTypeOnly);
}

/** The specifiers a module imports values from, statically. */
export function staticImports(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ESNext, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specs: string[] = [];
  for (const node of sf.statements) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && bringsValues(node)) {
      specs.push(node.moduleSpecifier.text);
    }
  }
  return specs;
}

/** Walks the static value imports from the entries (paths relative to the repository). */
export function pageImportGraph(entries: readonly string[] = PAGE_ENTRIES): ImportGraph {
  const modules = new Map<string, string | undefined>(entries.map((e) => [e, undefined]));
  const packages = new Map<string, string>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file.endsWith('.json')) continue;
    for (const spec of staticImports(file, readFileSync(join(ROOT, file), 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('@/')) {
        const target = resolveLocal(file, spec);
        if (!target) throw new Error(`${file}: cannot resolve ${spec}`);
        if (!modules.has(target)) {
          modules.set(target, file);
          queue.push(target);
        }
      } else if (!packages.has(spec)) {
        packages.set(spec, file);
      }
    }
  }
  return { modules, packages };
}

/** The package name of a specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function matches(pkg: string, pattern: string): boolean {
  return pattern.endsWith('/*') ? pkg.startsWith(pattern.slice(0, -1)) : pkg === pattern;
}

/** The chain of imports from an entry to a module. */
export function importChain(graph: ImportGraph, module: string): string[] {
  const chain: string[] = [];
  for (let m: string | undefined = module; m !== undefined; m = graph.modules.get(m)) chain.unshift(m);
  return chain;
}

/** Each heavy package the page reaches statically, with the chain of imports that brings it in. */
export function heavyImports(graph: ImportGraph, heavy: readonly string[] = HEAVY_PACKAGES): string[] {
  return [...graph.packages]
    .filter(([spec]) => heavy.some((h) => matches(packageOf(spec), h)))
    .map(([spec, by]) => `${[...importChain(graph, by), spec].join(' → ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const graph = pageImportGraph();
  console.log(`${graph.modules.size} project modules; packages: ${[...new Set([...graph.packages.keys()].map(packageOf))].sort().join(', ')}`);
  const heavy = heavyImports(graph);
  console.log(heavy.length ? `heavy on the critical path:\n${heavy.join('\n')}` : 'nothing heavy on the critical path');
}

/** Every project module under `dirs` (tests left out), relative to the repository. */
function projectModules(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return out;
}

/** Groups of modules that import each other's values in a circle (strongly connected components), as `a → b → a`. */
export function importCycles(dirs: readonly string[] = ['lib', 'components', 'app']): string[][] {
  const edges = new Map<string, string[]>();
  for (const file of projectModules(dirs)) {
    const targets = staticImports(file, readFileSync(join(ROOT, file), 'utf8'))
      .filter((spec) => spec.startsWith('.') || spec.startsWith('@/'))
      .map((spec) => resolveLocal(file, spec))
      .filter((t): t is string => t !== undefined);
    edges.set(file, targets);
  }
  // Tarjan's algorithm.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
