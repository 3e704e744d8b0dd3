// The built-in user_input in `agent run`: the question on stderr, the answer read from stdin, and the trace keeps it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../test-support/cli';
import { js, playground } from '../test-support/playgrounds';
import { parseTrace } from '../trace/trace';
import { EXIT } from './run-command';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-cli-user-input-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ASKING = playground({
  builtinTools: ['user_input'],
  responses: [js('const city = await user_input("Which city?");\nfinal_answer(`Weather for ${city}`);')],
});

function stdin(lines: string[]) {
  return { readLine: async () => lines.shift() ?? null };
}

describe('agent run with user_input', () => {
  it('asks on stderr, reads the answer from stdin, and the answer reaches the final answer and the trace', async () => {
    const path = join(dir, 'ask.json');
    const trace = join(dir, 'trace.json');
    await writeFile(path, JSON.stringify(ASKING));
    const { code, out, err } = await runCliCaptured(['run', path, '--trace', trace], stdin(['Lyon']));
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('Weather for Lyon\n');
    expect(err).toMatch(/the agent asks \(user_input\): Which city\?/);
    const events = parseTrace(JSON.parse(await readFile(trace, 'utf8'))).events ?? [];
    expect(events.find((e) => e.type === 'tool_call_end')).toMatchObject({ name: 'user_input', result: 'Lyon' });
  });

  it('when stdin has ended, the step says so instead of waiting', async () => {
    const path = join(dir, 'ask-eof.json');
    await writeFile(path, JSON.stringify(ASKING));
    const { code, err } = await runCliCaptured(['run', path], stdin([]));
    expect(code).not.toBe(EXIT.ok);
    expect(err).toMatch(/user_input: standard input ended before an answer was given/);
  });
});
