// Runs the CLI in the test's process and collects what it printed.
import { runCli, type CliIO } from '../cli/run-command';

export async function runCliCaptured(argv: string[], io: Partial<Omit<CliIO, 'stdout' | 'stderr'>> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { readLine: async () => null, ...io, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
