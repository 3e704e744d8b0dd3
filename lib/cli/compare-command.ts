// `agent compare <playground.json> --a type=code --b type=tool-calling`: the same task under two setups, one table.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AgentEvent } from '../agent';
import { formatCompareTable, summarizeRun } from '../agent/compare-summary';
import { foldEvents } from '../agent/run-state';
import type { Playground } from '../playground/schema';
import { createAgentFromPlayground, PlaygroundSetupError, ToolSourceError } from '../runner';
import { CompareSetupError, DEFAULT_COMPARE, parseSetupSpec, playgroundForSetup, setupLabel, type CompareSetup } from '../runner/compare-setup';
import { ModelError } from '../models/types';
import { BadInput } from './bad-input';
import { keysFromEnv } from './keys-from-env';
import type { CliIO } from './cli-io';

const USAGE = `Usage: npm run agent -- compare <playground.json> [--a <setup>] [--b <setup>]

Runs the playground's task twice, under setup A and setup B, one after the other, and prints a table of
outcome, steps, tool calls, tokens, cost and time for each. Default: --a type=code --b type=tool-calling.

A setup is key=value parts, comma-separated or in repeated flags:
  type=code|tool-calling   the agent type
  model=<id>               another model of the playground's provider, or <provider>:<id> (openai, anthropic, google)
  prompt=<file>            prompt templates: a JSON file {"codeAgentSystem": "…", …}, or a text file holding the
                           system prompt template of the side's agent type
With a replay model each side plays its own recorded responses (the bundled examples have both agent types).`;

export async function runCompare(argv: string[], io: CliIO, readPlayground: (file: string) => Promise<Playground>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { a: { type: 'string', multiple: true }, b: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new BadInput(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new BadInput(`expected: compare <playground.json>\n\n${USAGE}`);
  const base = await readPlayground(file);
  const a = setupFrom('--a', values.a, DEFAULT_COMPARE.a, base);
  const b = setupFrom('--b', values.b, DEFAULT_COMPARE.b, base);
  const keys = keysFromEnv(io.env ?? {});
  const sides = [
    { name: 'A', setup: a },
    { name: 'B', setup: b },
  ];
  const rows = [];
  for (const side of sides) {
    const label = setupLabel(side.setup, base);
    io.stderr(`${side.name}: ${label}…\n`);
    const events = await runSide(playgroundFor(side.name, base, side.setup), file, keys, io);
    rows.push(summarizeRun(foldEvents(events)));
  }
  io.stdout(formatCompareTable(sides.map((s) => `${s.name}: ${setupLabel(s.setup, base)}`), rows));
  return rows.every((r) => r.outcome === 'final answer') ? 0 : 1;
}

function setupFrom(flag: string, parts: string[] | undefined, fallback: CompareSetup, base: Playground): CompareSetup {
  if (!parts?.length) return fallback;
  try {
    return parseSetupSpec(parts, (value) => readPromptFile(value, parts, base));
  } catch (error) {
    if (error instanceof CompareSetupError) throw new BadInput(`${flag}: ${error.message}`);
    throw error;
  }
}

function readPromptFile(path: string, parts: string[], base: Playground): CompareSetup['promptTemplates'] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CompareSetupError(`prompt=${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (path.endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new CompareSetupError(`prompt=${path}: not JSON (${(error as Error).message})`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data) || !Object.values(data).every((v) => typeof v === 'string')) {
      throw new CompareSetupError(`prompt=${path}: expected an object of template texts, e.g. {"codeAgentSystem": "…"}`);
    }
    return data as Record<string, string>;
  }
  const type = parts.some((p) => /(^|,)\s*type\s*=\s*tool-calling/.test(p)) ? 'tool-calling' : parts.some((p) => /(^|,)\s*type\s*=\s*code/.test(p)) ? 'code' : base.agent.type;
  return type === 'code' ? { codeAgentSystem: text } : { toolCallingAgentSystem: text };
}

function playgroundFor(name: string, base: Playground, setup: CompareSetup): Playground {
  try {
    return playgroundForSetup(base, setup);
  } catch (error) {
    if (error instanceof CompareSetupError) throw new BadInput(`--${name.toLowerCase()}: ${error.message}`);
    throw error;
  }
}

async function runSide(playground: Playground, file: string, keys: Record<string, string>, io: CliIO): Promise<AgentEvent[]> {
  let agent;
  try {
    agent = createAgentFromPlayground(playground, {
      replayDelayMs: 0,
      keys,
      manualTurn: async () => {
        throw new Error('compare cannot run a manual model: choose a replay or real model');
      },
    });
  } catch (error) {
    if (error instanceof ToolSourceError) throw new BadInput(`${file}: the tools source has errors`);
    if (error instanceof PlaygroundSetupError || error instanceof ModelError) throw new BadInput(`${file}: ${error.message}`);
    throw error;
  }
  const events: AgentEvent[] = [];
  for await (const event of agent.run(playground.task, { signal: io.signal })) events.push(event);
  return events;
}
