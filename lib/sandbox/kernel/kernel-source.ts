// The kernel program as the launchers ship it: the text of kernel.cjs (plain Node, CommonJS, built-in modules only),
// written to a file and run as `node kernel.cjs [modulesDir]` — as a child process (tests, the CLI) or inside a
// WebContainer. The protocol and the session are described at the top of kernel.cjs.
//
// The text comes from a `?raw` import, resolved when the code is bundled or loaded: Vite (vitest) reads `?raw`
// itself, Next's Turbopack by the rule in next.config.mjs, and plain Node (tsx: the CLI, scripts) by the load hook
// in lib/sandbox/node/text-import-hooks.mjs, which the Node launcher registers before it imports this module.
import kernelText from './kernel.cjs?raw';

export { KERNEL_FILE, KERNEL_NODE_FLAGS } from './kernel-launch';

/** The kernel program's text, byte for byte the file kernel.cjs. */
export const KERNEL_SOURCE: string = kernelText;
