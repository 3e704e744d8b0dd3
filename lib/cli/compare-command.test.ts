import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './run-command';
import { runCliCaptured } from '../test-support/cli';

const EXAMPLE = 'lib/playground/examples/warmest-city.json';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-compare-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (argv: string[]) => runCliCaptured(argv);

describe('agent compare (CLI)', () => {
  it('runs a bundled example as CodeAgent and as ToolCallingAgent offline and prints both columns', async () => {
    const { code, out } = await cli(['compare', EXAMPLE, '--a', 'type=code', '--b', 'type=tool-calling']);
    expect(code).toBe(EXIT.ok);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/A: CodeAgent\s+B: ToolCallingAgent/);
    expect(out).toMatch(/Outcome\s+final answer: Cairo.*final answer: Cairo/);
    // Each side played its own recorded responses: the two agent types took a different number of steps.
    const steps = /Steps\s+(\d+)\s+(\d+)/.exec(out);
    expect(steps).not.toBeNull();
    expect(steps![1]).not.toBe(steps![2]);
    expect(out).toMatch(/Tool calls\s+\d+\s+\d+/);
    expect(out).toMatch(/Tokens in \/ out\s+\d+ \/ \d+ \(estimated\)\s+\d+ \/ \d+ \(estimated\)/);
    expect(out).toMatch(/Time\s+\d+(\.\d)? m?s\s+\d+(\.\d)? m?s/);
  });

  it('compares CodeAgent with ToolCallingAgent without any flags', async () => {
    const { code, out } = await cli(['compare', EXAMPLE]);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/A: CodeAgent\s+B: ToolCallingAgent/);
  });

  it('refuses an unknown setup key with exit 2 and names the keys', async () => {
    const { code, err } = await cli(['compare', EXAMPLE, '--a', 'colour=red']);
    expect(code).toBe(EXIT.badInput);
    expect(err).toMatch(/--a: unknown key 'colour'.*type, model, prompt/);
  });

  it('takes a prompt version from a file', async () => {
    const path = join(dir, 'final.json');
    await writeFile(path, JSON.stringify({ finalAnswer: 'Give your answer now for: {{task}}' }));
    const { code, out } = await cli(['compare', EXAMPLE, '--a', 'type=code', '--b', `type=code,prompt=${path}`]);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/A: CodeAgent\s+B: CodeAgent · prompts: finalAnswer/);
  });
});
