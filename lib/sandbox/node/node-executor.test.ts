import { describeExecutorContract } from '../executor-contract';
import { createKernelExecutor } from '../kernel/kernel-executor';
import { createNodeExecutor } from './create-node-executor';
import { createNodeLauncher, withoutInterrupt } from './node-launcher';

// The child process can be interrupted (SIGINT): the kernel bounds each run of the code with breakOnSigint.
describeExecutorContract('node kernel', createNodeExecutor);

// A process that can't be interrupted, like one in a WebContainer: the kernel gives each run a vm timeout.
const uninterruptible = withoutInterrupt(createNodeLauncher());
describeExecutorContract('node kernel (vm timeouts)', (options) => createKernelExecutor({ ...options, launcher: uninterruptible }));
