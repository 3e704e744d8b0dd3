// Node-only parts of the sandbox (child processes, files). Not exported from lib/sandbox/index.ts, which pages import.
export { createNodeExecutor, type NodeExecutorOptions } from './create-node-executor';
export { createNodeLauncher, kernelNodeArgs, withoutInterrupt, type NodeKernelProcess, type NodeLauncher, type NodeLauncherOptions } from './node-launcher';
