// Messages that carry kernel processes between the runner worker and the page. A WebContainer lives on the page (it
// makes an iframe), the agent and its kernel executor in the worker: the worker asks the page to launch, feed and stop
// kernel processes, and the page sends their output and exit back. Process ids are chosen by the worker, per worker.

/** Worker → page. */
export type KernelRequest =
  | { type: 'kernel_launch'; processId: number; memoryMb: number }
  | { type: 'kernel_write'; processId: number; text: string }
  | { type: 'kernel_put_file'; processId: number; requestId: number; name: string; contents: string }
  | { type: 'kernel_kill'; processId: number };

/** Page → worker. */
export type KernelReply =
  | { type: 'kernel_launched'; processId: number }
  | { type: 'kernel_launch_failed'; processId: number; error: string }
  | { type: 'kernel_output'; processId: number; chunk: string }
  /** `code` is null when the process was killed. */
  | { type: 'kernel_exit'; processId: number; code: number | null }
  /** The answer to `kernel_put_file`: the path to give the kernel, or why the file could not be written. */
  | { type: 'kernel_file_put'; processId: number; requestId: number; path?: string; error?: string };

const REQUESTS: ReadonlySet<string> = new Set<KernelRequest['type']>(['kernel_launch', 'kernel_write', 'kernel_put_file', 'kernel_kill']);
const REPLIES: ReadonlySet<string> = new Set<KernelReply['type']>([
  'kernel_launched',
  'kernel_launch_failed',
  'kernel_output',
  'kernel_exit',
  'kernel_file_put',
]);

export function isKernelRequest(message: unknown): message is KernelRequest {
  return typeof message === 'object' && message !== null && REQUESTS.has((message as { type?: unknown }).type as string);
}

export function isKernelReply(message: unknown): message is KernelReply {
  return typeof message === 'object' && message !== null && REPLIES.has((message as { type?: unknown }).type as string);
}

/** The part of a Worker, a worker's `self` or a MessagePort that one end uses; other messages pass it by. */
export interface KernelPort<In, Out> {
  postMessage(message: Out): void;
  addEventListener(type: 'message', listener: (event: { data: In }) => void): void;
  removeEventListener?(type: 'message', listener: (event: { data: In }) => void): void;
}
