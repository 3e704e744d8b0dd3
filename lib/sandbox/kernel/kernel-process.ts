// How the host reaches a running kernel program, whatever runs it: a Node child process (CLI, tests) or a
// process inside a WebContainer (the browser). The kernel protocol (JSON lines) is spoken over this.

export interface KernelProcess {
  /** Writes to the kernel's standard input (whole lines, each ending in "\n"). */
  write(text: string): void;
  /**
   * Everything the process prints, in order, as it arrives. A WebContainer merges stdout and stderr into one
   * stream; a child process may pass both. Chunks are not aligned to lines.
   */
  onOutput(listener: (chunk: string) => void): () => void;
  /**
   * Stores a payload where the kernel can read it, returning the path to give the kernel. A WebContainer's stdin
   * is a pseudo-terminal (it echoes, rewrites line ends and chokes on huge lines), so there big payloads (the
   * tools, long snippets, large tool results) must travel as files and only their path on stdin. When absent
   * (a plain child process), everything may go inline on stdin.
   */
  putFile?(name: string, contents: string): Promise<string>;
  /** Settles when the process has ended (exit code, or null when killed). */
  readonly exited: Promise<number | null>;
  kill(): void;
  /**
   * Optional: interrupts the code running in the kernel without ending the process (a child process: SIGINT). With
   * it, the kernel bounds each run of the code cheaply and the host interrupts it at the deadline or on Stop; without
   * it, the kernel gives each run a `vm` timeout of its own (about a millisecond more per run).
   */
  interrupt?(): void;
}

export interface KernelLauncher {
  /** What the timeline shows for steps run this way: `node` or `webcontainer`. */
  readonly kind: 'node' | 'webcontainer';
  /** Starts a fresh kernel program; rejects with a clear message when it can't. */
  launch(options: { memoryMb: number }): Promise<KernelProcess>;
}
