import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { js, playground } from '../test-support/playgrounds';
import { parseTrace } from '../trace/trace';
import { EXIT, runCli } from './run-command';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function cli(argv: string[], stdinLines: string[] = []) {
  let out = '';
  let err = '';
  const input = [...stdinLines];
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readLine: async () => input.shift() ?? null,
  });
  return { code, out, err };
}

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('agent run (CLI)', () => {
  it('prints progress on stderr and the final answer alone as the last stdout line, exit 0', async () => {
    const path = await file('ok.json', playground({ responses: [js('const s = add(2, 2);\nconsole.log("sum is", s);'), js('final_answer("four: " + s)')] }));
    const { code, out, err } = await cli(['run', path]);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('four: 4\n');
    expect(err).toMatch(/Step 1 \(action\)[\s\S]*add\(2, 2\)[\s\S]*add → 4[\s\S]*sum is 4[\s\S]*tokens \d+ in \/ \d+ out \(estimated\)[\s\S]*Step 2/);
  });

  it('prints a non-string answer as JSON', async () => {
    const path = await file('obj.json', playground({ responses: [js('final_answer({ a: [1, 2] })')] }));
    expect((await cli(['run', path])).out).toBe('{"a":[1,2]}\n');
  });

  it('exits 3 at max steps and still prints the forced answer', async () => {
    const path = await file('max.json', playground({ agent: { maxSteps: 1 }, responses: [js('console.log(1)'), 'My best guess is 7.'] }));
    const { code, out } = await cli(['run', path]);
    expect(code).toBe(EXIT.maxSteps);
    expect(out.trim().split('\n').at(-1)).toBe('My best guess is 7.');
  });

  it('exits 2 naming the file and the bad field for an invalid playground', async () => {
    const path = await file('bad.json', { version: 1, agent: { maxSteps: 0 } });
    const { code, err } = await cli(['run', path]);
    expect(code).toBe(EXIT.badInput);
    expect(err).toContain(path);
    expect(err).toMatch(/agent\.maxSteps: .*1/);
  });

  it('exits 2 for unreadable files, broken JSON and tool source errors (with the line)', async () => {
    expect((await cli(['run', join(dir, 'missing.json')])).err).toMatch(/cannot read the file \(ENOENT\)/);
    const broken = await file('broken.json', '{ "version": 1,');
    const b = await cli(['run', broken]);
    expect(b.code).toBe(EXIT.badInput);
    expect(b.err).toMatch(/not valid JSON/);
    const tools = await file('tools.json', playground({ tools: 'export function f(x: number) {\n  return x;\n}' }));
    const t = await cli(['run', tools]);
    expect(t.code).toBe(EXIT.badInput);
    expect(t.err).toMatch(/tools\.json \(tools\) line 1:\d+: /);
  });

  it('exits 2 for bad flags', async () => {
    const path = await file('flags.json', playground());
    expect((await cli(['run', path, '--max-steps', 'zero'])).code).toBe(EXIT.badInput);
    expect((await cli(['run', path, '--sandbox', 'docker'])).code).toBe(EXIT.badInput);
    expect((await cli(['run', path, '--model', 'gpt'])).code).toBe(EXIT.badInput);
    expect((await cli(['walk', path])).code).toBe(EXIT.badInput);
  });

  it('exits 1 on a failure during the run', async () => {
    const path = await file('fail.json', playground({ responses: [] }));
    const { code, err } = await cli(['run', path]);
    expect(code).toBe(EXIT.failure);
    expect(err).toMatch(/no response left/);
  });

  it('plays a replay file given with --model and writes a loadable trace', async () => {
    const path = await file('own.json', playground({ responses: ['never used'] }));
    const replay = await file('replay.json', { responses: [js('final_answer(add(20, 22))')] });
    const tracePath = join(dir, 'out.trace.json');
    const { code, out } = await cli(['run', path, '--model', `replay:${replay}`, '--trace', tracePath]);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('42\n');
    const trace = parseTrace(JSON.parse(await readFile(tracePath, 'utf8')));
    expect(trace.state).toBe('success');
    expect(trace.steps[0]!.toolCalls[0]).toMatchObject({ name: 'add', args: [20, 22], result: 42 });
  });

  it('runs a bundled example (with a managed agent) in the Node kernel with --sandbox node', async () => {
    const example = await readFile(join(process.cwd(), 'lib/playground/examples/library-team.json'), 'utf8');
    const path = await file('library-team.json', example);
    const { code, out, err } = await cli(['run', path, '--sandbox', 'node']);
    expect(err).not.toMatch(/SandboxCrash|TimeoutError/);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('The Left Hand of Darkness (304 pages) is the longest, 121 pages longer than A Wizard of Earthsea.\n');
    // The code really ran in V8 (QuickJS has no Intl).
    const probe = await file('engine.json', playground({ responses: [js('final_answer(typeof Intl)')] }));
    expect((await cli(['run', probe, '--sandbox', 'node'])).out).toBe('object\n');
    expect((await cli(['run', probe, '--sandbox', 'quickjs'])).out).toBe('undefined\n');
  });

  it('lets the code import the playground\'s packages from --modules-dir in the Node kernel, and nothing else', async () => {
    const modules = join(dir, 'mods', 'node_modules');
    await mkdir(join(modules, 'tiny-greeter'), { recursive: true });
    await writeFile(join(modules, 'tiny-greeter', 'package.json'), JSON.stringify({ name: 'tiny-greeter', version: '1.0.0', main: 'index.js' }));
    await writeFile(join(modules, 'tiny-greeter', 'index.js'), 'exports.greet = (name) => "hello " + name;');
    const pg = playground({
      sandbox: { kind: 'webcontainer', packages: ['tiny-greeter@1.0.0'] },
      responses: [js('import { greet } from "tiny-greeter";\nconsole.log(greet("kernel"));'), js('import fs from "fs";'), js('final_answer("done")')],
    });
    const path = await file('packages.json', pg);
    const { code, err } = await cli(['run', path, '--sandbox', 'node', '--modules-dir', modules]);
    expect(code).toBe(EXIT.ok);
    expect(err).toMatch(/hello kernel/);
    expect(err).toMatch(/ImportError[^\n]*fs[^\n]*tiny-greeter/);

    const onQuickJS = await cli(['run', path]);
    expect(onQuickJS.err).toMatch(/note: this playground asks for the WebContainer sandbox/);
  });

  it('exits 2 for a replay file of the wrong shape', async () => {
    const path = await file('pg.json', playground());
    const replay = await file('bad-replay.json', { answers: [] });
    const { code, err } = await cli(['run', path, '--model', `replay:${replay}`]);
    expect(code).toBe(EXIT.badInput);
    expect(err).toMatch(/responses/);
  });

  it('with --model manual, shows the messages and reads each turn from stdin up to a "." line', async () => {
    const path = await file('manual.json', playground({ task: 'Add 2 and 3.' }));
    const { code, out, err } = await cli(['run', path, '--model', 'manual'], ['Thought: add', '```js', 'final_answer(add(2, 3))', '```', '.']);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('5\n');
    expect(err).toMatch(/\[system\][\s\S]*function add[\s\S]*\[user\]\nNew task:\nAdd 2 and 3\./);
  });

  it('reads JSON tool calls from stdin for a manual tool-calling agent', async () => {
    const path = await file('manual-tc.json', playground({ agent: { type: 'tool-calling' }, model: { provider: 'manual' } }));
    const { code, out } = await cli(['run', path], ['[{"name": "add", "arguments": {"a": 1, "b": 1}}]', '.', '{"name": "final_answer", "arguments": {"answer": "two"}}', '.']);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('two\n');
  });

  it('runs as a real process through npm run agent', async () => {
    const path = await file('proc.json', playground({ responses: [js('final_answer("from a process")')] }));
    const run = promisify(execFile);
    const { stdout } = await run('npx', ['tsx', 'lib/cli/main.ts', 'run', path], { cwd: process.cwd() });
    expect(stdout.trim().split('\n').at(-1)).toBe('from a process');
    // Under tsx the Node kernel's program comes through the launcher's `?raw` load hook (kernel-source.ts).
    const inNode = await run('npx', ['tsx', 'lib/cli/main.ts', 'run', path, '--sandbox', 'node'], { cwd: process.cwd() });
    expect(inNode.stdout.trim().split('\n').at(-1)).toBe('from a process');
    const bad = await run('npx', ['tsx', 'lib/cli/main.ts', 'run', join(dir, 'nope.json')]).catch((e: { code: number }) => e);
    expect((bad as { code: number }).code).toBe(2);
  }, 120_000);
});
