// What a CLI command reads and writes: its output streams, its input lines, its signal and environment.

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Lines of standard input, for the manual model and the built-in user_input. */
  readLine: () => Promise<string | null>;
  signal?: AbortSignal;
  /** Where API keys come from (process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}
