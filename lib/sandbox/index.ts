export * from './types';
export { truncateMiddle } from './truncate';
export { rewriteSnippet, SnippetError, IMPORTS_UNAVAILABLE, type RewrittenSnippet } from './rewrite-snippet';
export { createQuickJSExecutor, QuickJSExecutor, type QuickJSExecutorOptions } from './quickjs/quickjs-executor';
export { loadQuickJS } from './quickjs/load-quickjs';
// The Node kernel, host side (browser-safe). The Node child-process launcher is Node-only: lib/sandbox/node.
export { createKernelExecutor, KernelExecutor, type KernelExecutorOptions } from './kernel/kernel-executor';
export type { KernelLauncher, KernelProcess } from './kernel/kernel-process';
// The program's text (KERNEL_SOURCE) is imported from kernel/kernel-source where it is shipped, never through here.
export { KERNEL_FILE, KERNEL_NODE_FLAGS } from './kernel/kernel-launch';
export { KERNEL_PROTOCOL, kernelPrefix, type HostMessage, type KernelMessage } from './kernel/kernel-protocol';
