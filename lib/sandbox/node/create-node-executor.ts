// The Node kernel as a child process: the sandbox for the CLI's `--sandbox node` and for tests of the kernel.
import { createKernelExecutor, type KernelExecutor } from '../kernel/kernel-executor';
import type { ExecutorOptions } from '../types';
import { createNodeLauncher } from './node-launcher';

export interface NodeExecutorOptions extends ExecutorOptions {
  /** npm packages the model's code may import (CommonJS), loaded from `modulesDir`. */
  packages?: string[];
  /** The node_modules folder holding those packages. */
  modulesDir?: string;
}

export function createNodeExecutor(options: NodeExecutorOptions): KernelExecutor {
  const { modulesDir, ...rest } = options;
  return createKernelExecutor({ ...rest, launcher: createNodeLauncher(modulesDir ? { modulesDir } : {}) });
}
