// The page's side of the kernel messages: launches, feeds and stops kernel processes in the page's WebContainer for
// one runner worker, and sends their output and exit back to it.
import type { KernelProcess } from '../kernel/kernel-process';
import { isKernelRequest, type KernelPort, type KernelReply, type KernelRequest } from './kernel-messages';
import type { WebContainerHost } from './webcontainer-host';

export interface KernelRequestServer {
  /** Kills every process this worker launched (the worker is being terminated). */
  close(): void;
}

/**
 * Serves one worker's kernel requests. `host` is asked for lazily, so a page that never uses a WebContainer never
 * creates one.
 */
export function serveKernelRequests(port: KernelPort<unknown, KernelReply>, host: () => WebContainerHost): KernelRequestServer {
  const processes = new Map<number, KernelProcess>();
  /** Launches still under way, so close() and kill can reach them once they exist. */
  const cancelled = new Set<number>();
  let closed = false;
  const send = (reply: KernelReply) => {
    if (!closed) port.postMessage(reply);
  };

  const listener = ({ data }: { data: unknown }) => {
    if (closed || !isKernelRequest(data)) return;
    handle(data);
  };
  port.addEventListener('message', listener);

  function handle(request: KernelRequest) {
    switch (request.type) {
      case 'kernel_launch':
        void launch(request.processId, request.memoryMb);
        return;
      case 'kernel_write':
        processes.get(request.processId)?.write(request.text);
        return;
      case 'kernel_put_file': {
        const { processId, requestId } = request;
        const proc = processes.get(processId);
        if (!proc?.putFile) {
          send({ type: 'kernel_file_put', processId, requestId, error: 'no such kernel process' });
          return;
        }
        proc.putFile(request.name, request.contents).then(
          (path) => send({ type: 'kernel_file_put', processId, requestId, path }),
          (error: unknown) => send({ type: 'kernel_file_put', processId, requestId, error: messageOf(error) }),
        );
        return;
      }
      case 'kernel_kill': {
        const proc = processes.get(request.processId);
        if (proc) proc.kill();
        else cancelled.add(request.processId);
        return;
      }
    }
  }

  async function launch(processId: number, memoryMb: number) {
    let proc: KernelProcess;
    try {
      proc = await host().launch({ memoryMb });
    } catch (error) {
      send({ type: 'kernel_launch_failed', processId, error: messageOf(error) });
      return;
    }
    if (closed || cancelled.delete(processId)) {
      proc.kill();
      return;
    }
    processes.set(processId, proc);
    // Launched first, then the output (the process holds what it printed until someone listens), then the exit.
    send({ type: 'kernel_launched', processId });
    proc.onOutput((chunk) => send({ type: 'kernel_output', processId, chunk }));
    void proc.exited.then((code) => {
      processes.delete(processId);
      send({ type: 'kernel_exit', processId, code });
    });
  }

  return {
    close() {
      if (closed) return;
      closed = true;
      port.removeEventListener?.('message', listener);
      for (const proc of processes.values()) proc.kill();
      processes.clear();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
