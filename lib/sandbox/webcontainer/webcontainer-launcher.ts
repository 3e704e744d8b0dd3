// The runner worker's way to kernel processes in the page's WebContainer: a KernelLauncher that sends kernel requests
// to the page and turns the page's replies back into KernelProcess calls and events.
import { createOutputFanout } from '../kernel/output-fanout';
import type { KernelLauncher, KernelProcess } from '../kernel/kernel-process';
import { isKernelReply, type KernelPort, type KernelReply, type KernelRequest } from './kernel-messages';

interface Pending {
  resolve: (process: KernelProcess) => void;
  reject: (error: Error) => void;
}

interface Live {
  emit: (chunk: string) => void;
  exit: (code: number | null) => void;
  files: Map<number, { resolve: (path: string) => void; reject: (error: Error) => void }>;
}

/**
 * Creates the launcher for one worker. `port` is the worker's side of the page connection (the worker's `self`);
 * replies for other processes and every non-kernel message pass by untouched.
 */
export function createWebContainerLauncher(port: KernelPort<unknown, KernelRequest>): KernelLauncher {
  const launching = new Map<number, Pending>();
  const live = new Map<number, Live>();
  let nextProcess = 1;
  let nextRequest = 1;

  port.addEventListener('message', ({ data }) => {
    if (isKernelReply(data)) receive(data);
  });

  function receive(reply: KernelReply) {
    switch (reply.type) {
      case 'kernel_launched':
        launching.get(reply.processId)?.resolve(connect(reply.processId));
        launching.delete(reply.processId);
        return;
      case 'kernel_launch_failed':
        launching.get(reply.processId)?.reject(new Error(reply.error));
        launching.delete(reply.processId);
        return;
      case 'kernel_output':
        live.get(reply.processId)?.emit(reply.chunk);
        return;
      case 'kernel_exit':
        live.get(reply.processId)?.exit(reply.code);
        return;
      case 'kernel_file_put': {
        const file = live.get(reply.processId)?.files.get(reply.requestId);
        live.get(reply.processId)?.files.delete(reply.requestId);
        if (reply.path !== undefined) file?.resolve(reply.path);
        else file?.reject(new Error(reply.error ?? 'the file could not be written'));
        return;
      }
    }
  }

  function connect(processId: number): KernelProcess {
    const output = createOutputFanout();
    let settle!: (code: number | null) => void;
    const exited = new Promise<number | null>((resolve) => {
      settle = resolve;
    });
    let ended = false;
    const entry: Live = {
      emit: output.emit,
      exit(code) {
        if (ended) return;
        ended = true;
        live.delete(processId);
        for (const file of entry.files.values()) file.reject(new Error('the kernel process ended'));
        entry.files.clear();
        settle(code);
      },
      files: new Map(),
    };
    live.set(processId, entry);
    return {
      write(text) {
        if (!ended) port.postMessage({ type: 'kernel_write', processId, text });
      },
      onOutput: output.onOutput,
      putFile(name, contents) {
        if (ended) return Promise.reject(new Error('the kernel process has ended'));
        const requestId = nextRequest++;
        return new Promise<string>((resolve, reject) => {
          entry.files.set(requestId, { resolve, reject });
          port.postMessage({ type: 'kernel_put_file', processId, requestId, name, contents });
        });
      },
      exited,
      kill() {
        if (ended) return;
        port.postMessage({ type: 'kernel_kill', processId });
        // The page confirms with kernel_exit; a page that is gone can't, so don't wait for it.
        entry.exit(null);
      },
    };
  }

  return {
    kind: 'webcontainer',
    launch({ memoryMb }) {
      const processId = nextProcess++;
      return new Promise<KernelProcess>((resolve, reject) => {
        launching.set(processId, { resolve, reject });
        port.postMessage({ type: 'kernel_launch', processId, memoryMb });
      });
    },
  };
}
