// `--continue "<task>"`: follow-up tasks on the same agent, memory and sandbox session kept, every task in the trace.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { js, playground } from '../test-support/playgrounds';
import { parseTrace } from '../trace/trace';
import { EXIT } from './run-command';
import { runCliCaptured } from '../test-support/cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-cli-continue-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (argv: string[]) => runCliCaptured(argv);

describe('agent run --continue', () => {
  it('runs each follow-up after the task with the variables of the earlier ones, prints every answer, and traces every task', async () => {
    const path = join(dir, 'pg.json');
    await writeFile(
      path,
      JSON.stringify(
        playground({
          task: 'Add 2 and 3.',
          responses: [js('const sum = add(2, 3);\nfinal_answer(sum)'), js('final_answer(sum * 10)'), js('final_answer(`${sum} and ${sum * 10}`)')],
        }),
      ),
    );
    const tracePath = join(dir, 'trace.json');
    const { code, out, err } = await cli(['run', path, '--continue', 'Now times ten.', '--continue', 'Say both.', '--trace', tracePath]);
    expect(err).toContain('Follow-up "Now times ten."');
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('5\n50\n5 and 50\n');
    const trace = parseTrace(JSON.parse(await readFile(tracePath, 'utf8')));
    expect(trace.tasks).toEqual([
      { task: 'Add 2 and 3.', fromStep: 1 },
      { task: 'Now times ten.', fromStep: 2 },
      { task: 'Say both.', fromStep: 3 },
    ]);
    const lastInput = trace.steps.at(-1)!.modelInput.map((m) => m.content).join('\n');
    expect(lastInput).toMatch(/Add 2 and 3\.[\s\S]*Now times ten\.[\s\S]*Say both\./);
  });

  it('refuses an empty follow-up task before running anything', async () => {
    const path = join(dir, 'empty.json');
    await writeFile(path, JSON.stringify(playground({ responses: [js('final_answer(1)')] })));
    const { code, out, err } = await cli(['run', path, '--continue', '  ']);
    expect(code).toBe(EXIT.badInput);
    expect(out).toBe('');
    expect(err).toContain('--continue needs the follow-up task');
  });
});
