// Node module hooks that answer `import text from './file?raw'` with the file's text, as Vite and the app's
// Turbopack rule do; registered by the Node launcher (node-launcher.ts) so that tsx (the CLI, scripts) reads the
// kernel program the same way the bundlers do. Every other import goes on unchanged.
import { readFile } from 'node:fs/promises';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'file:' || parsed.search !== '?raw') return nextLoad(url, context);
  parsed.search = '';
  const text = await readFile(parsed, 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
