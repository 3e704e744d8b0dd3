// For tests: an object with the shape of a booted WebContainer (mount, spawn, fs) whose processes talk like programs
// behind a pseudo-terminal: one merged output stream of strings, input echoed back with `\r\n`, colour codes mixed in.
import type { ContainerLike, ContainerProcess, ContainerSpawnOptions } from './webcontainer-host';

export interface StandInProcess extends ContainerProcess {
  command: string;
  args: string[];
  options?: ContainerSpawnOptions;
  /** Prints to the merged output stream. */
  print(text: string): void;
  /** Ends the process with this exit code (closing its output). */
  end(code: number): void;
  /** Everything written to its input. */
  readonly written: string[];
  readonly killed: boolean;
}

/** What a spawned program does: called with the process once it exists, and with each input chunk. */
export interface StandInProgram {
  start?(proc: StandInProcess): void;
  input?(proc: StandInProcess, text: string): void;
  kill?(proc: StandInProcess): void;
}

export function createStandInProcess(command: string, args: string[], options: ContainerSpawnOptions | undefined, program: StandInProgram): StandInProcess {
  let controller!: ReadableStreamDefaultController<string>;
  const output = new ReadableStream<string>({
    start(c) {
      controller = c;
    },
  });
  let settle!: (code: number) => void;
  const exit = new Promise<number>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const written: string[] = [];
  let killed = false;
  const proc: StandInProcess = {
    command,
    args,
    options,
    output,
    exit,
    written,
    get killed() {
      return killed;
    },
    input: new WritableStream<string>({
      write(chunk) {
        written.push(chunk);
        if (done) return;
        // A pseudo-terminal echoes what is typed, with \r\n line ends.
        proc.print(chunk.replace(/\n/g, '\r\n'));
        program.input?.(proc, chunk);
      },
    }),
    print(text) {
      if (!done) controller.enqueue(text);
    },
    end(code) {
      if (done) return;
      done = true;
      controller.close();
      settle(code);
    },
    kill() {
      killed = true;
      program.kill?.(proc);
      proc.end(143);
    },
  };
  queueMicrotask(() => program.start?.(proc));
  return proc;
}

export interface StandInContainer extends ContainerLike {
  readonly files: Map<string, string>;
  readonly processes: StandInProcess[];
  readonly workdir: string;
}

/** A stand-in container; `programs` says what each command does (by command name, e.g. `npm`, `node`). */
export function createStandInContainer(programs: Record<string, StandInProgram>): StandInContainer {
  const files = new Map<string, string>();
  const processes: StandInProcess[] = [];
  return {
    files,
    processes,
    workdir: '/home/playground',
    async mount(tree) {
      for (const [name, node] of Object.entries(tree)) files.set(name, node.file.contents);
    },
    async spawn(command, args, options) {
      const program = programs[command];
      if (!program) throw new Error(`spawn ${command} ENOENT`);
      const proc = createStandInProcess(command, args, options, program);
      processes.push(proc);
      return proc;
    },
    fs: {
      async writeFile(path, data) {
        files.set(path, data);
      },
      async mkdir() {
        return undefined;
      },
      async rm(path) {
        for (const name of [...files.keys()]) if (name === path || name.startsWith(`${path}/`)) files.delete(name);
      },
    },
  };
}
