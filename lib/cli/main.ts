// Entry point of `npm run agent -- …`.
import { createInterface, type Interface } from 'node:readline';
import { runCli } from './run-command';

// Standard input is opened only when a manual model asks for a turn, so other runs never wait on it.
let lines: Interface | undefined;
let iterator: AsyncIterator<string> | undefined;
const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted (Ctrl+C)')));

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readLine: async () => {
    if (!iterator) {
      lines = createInterface({ input: process.stdin, terminal: false });
      iterator = lines[Symbol.asyncIterator]();
    }
    const next = await iterator.next();
    return next.done ? null : next.value;
  },
  signal: controller.signal,
  env: process.env,
});
lines?.close();
process.exitCode = code;
