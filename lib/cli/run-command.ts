// `agent run <playground.json>`: runs a playground headless. Node-only (files, stdin), unlike the rest of lib/.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AgentEvent } from '../agent';
import { createReplayModel, type ReplayResponse } from '../models/replay-model';
import { createManualModel, type ManualTurn } from '../models/manual-model';
import type { ModelClient, ModelResponse } from '../models/types';
import { formatProblems, parsePlaygroundJson, replayResponseSchema } from '../playground';
import { createAgentFromPlayground, PlaygroundSetupError, ToolSourceError } from '../runner';
import { createNodeExecutor } from '../sandbox/node/create-node-executor';
import type { ExecutorOptions } from '../sandbox/types';
import { packageName } from '../playground/package-name';
import { resolve } from 'node:path';
import { traceFromEvents } from '../trace/trace';
import { otlpFromEvents, otlpOptionsFor } from '../trace/otlp';
import { otlpProtobuf } from '../trace/otlp-protobuf';
import { checkOtlpEndpoint, parseOtlpHeaders, sendOtlp, type OtlpHeaders } from '../trace/otlp-send';
import { createProgressPrinter } from './progress';
import { keysFromEnv } from './keys-from-env';
import { keyOriginOf, originOf } from '../models/key-origin';
import { costOf, formatCost, priceFor } from '../models/prices';
import { createProviderModel } from '../models/provider-model';
import { ModelError } from '../models/types';
import { mcpServerSchema, modelSettingsSchema, type ModelSettings, type Playground, type ProviderModelSettings, type RealProvider } from '../playground/schema';
import { isProviderModel } from '../models/presets';
import { z } from 'zod';
import { connectMcpServers } from '../mcp/connect';
import type { McpConnection } from '../mcp/types';
import type { UserAsker } from '../builtins';
import { BadInput } from './bad-input';
import { addToolsFromLinks } from './tools-from';
import { runCompare } from './compare-command';
import type { CliIO } from './cli-io';

export type { CliIO } from './cli-io';

export const EXIT = { ok: 0, failure: 1, badInput: 2, maxSteps: 3 } as const;

const USAGE = `Usage: npm run agent -- run <playground.json> [options]
       npm run agent -- compare <playground.json> --a <setup> --b <setup>   (see compare --help)

Options:
  --model replay:<responses.json>   play these recorded responses ({"responses": [...]})
  --model manual                    you write each model turn on stdin, ended by a line with a single "."
  --model openai:<id>               OpenAI (key from OPENAI_API_KEY)
  --model anthropic:<id>            Anthropic (key from ANTHROPIC_API_KEY)
  --model google:<id>               Google (key from GOOGLE_GENERATIVE_AI_API_KEY)
  --model openai-compatible:<id>    any OpenAI-compatible server given by --base-url (Ollama, LM Studio, vLLM,
                                    OpenRouter …; key, if it needs one, from OPENAI_COMPATIBLE_API_KEY)
  --base-url <url>                  the server's address, e.g. http://localhost:11434/v1
  --sandbox quickjs|node            the sandbox for the code: quickjs (the default, WebAssembly) or node (the Node
                                    kernel as a child process under Node's permission model; not a boundary
                                    against network access)
  --modules-dir <dir>               with --sandbox node: where the playground's sandbox.packages are installed
                                    (default ./node_modules); CommonJS packages only
  --trace <out.json>                write the run's trace
  --otlp <out.pb|out.json>          write the run as OpenTelemetry (OTLP, GenAI conventions): protobuf when the
                                    name ends in .pb, else OTLP/JSON
  --otlp-endpoint <url>             send the run as OTLP/protobuf to an OTLP/HTTP endpoint, e.g.
                                    http://localhost:6006/v1/traces (Phoenix), http://localhost:4318/v1/traces (Jaeger)
  --otlp-header "Name: value"       a header for --otlp-endpoint, e.g. "Authorization: Basic …" (repeatable; values
                                    are never printed)
  --max-steps <N>                   override agent.maxSteps
  --continue "<task>"               after the task, go on with this follow-up task, keeping the agent's memory and
                                    its sandbox session (repeatable: one follow-up per flag, in order)
  --mcp <name>=<url>                add an MCP server, or change the address of the playground's server of that
                                    name (repeatable); a server's token (Bearer) comes from MCP_TOKEN_<NAME>
  --tools-from <link>               add every tool of a shared playground: a share link (…#share=…), a published
                                    address (https://…/p/<id>) or a published id with --publish-url (repeatable);
                                    where each came from is noted above it and printed on stderr
  --publish-url <url>               the app a bare published id is read from, e.g. https://agent-playground.example
Built-in tools (the playground's builtinTools): user_input reads its answer from stdin (one line); web_search takes
its key from BRAVE_SEARCH_API_KEY.
Without --model the playground's own model is used.`;


export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    if (argv[0] === 'compare') return await runCompare(argv.slice(1), io, readPlayground);
    return await runCommand(argv, io);
  } catch (error) {
    if (error instanceof BadInput) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT.badInput;
    }
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}

async function runCommand(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        'base-url': { type: 'string' },
        sandbox: { type: 'string' },
        'modules-dir': { type: 'string' },
        trace: { type: 'string' },
        otlp: { type: 'string' },
        'otlp-endpoint': { type: 'string' },
        'otlp-header': { type: 'string', multiple: true },
        'max-steps': { type: 'string' },
        mcp: { type: 'string', multiple: true },
        continue: { type: 'string', multiple: true },
        'tools-from': { type: 'string', multiple: true },
        'publish-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new BadInput(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'run' || !file || extra.length > 0) throw new BadInput(`expected: run <playground.json>\n\n${USAGE}`);

  if (values.continue?.some((task) => !task.trim())) throw new BadInput('--continue needs the follow-up task, e.g. --continue "Now in Celsius."');
  const otlpSend = otlpSendFlags(values['otlp-endpoint'], values['otlp-header'] ?? []);
  if (values['publish-url'] !== undefined && !values['tools-from']?.length) throw new BadInput('--publish-url goes with --tools-from <published id>');
  const playground = await addToolsFromLinks(await readPlayground(file), values['tools-from'] ?? [], io, values['publish-url'] !== undefined ? { publishUrl: values['publish-url'] } : {});
  if (values.sandbox !== undefined && values.sandbox !== 'quickjs' && values.sandbox !== 'node') {
    throw new BadInput(`--sandbox ${values.sandbox}: unknown sandbox; the available ones are quickjs and node`);
  }
  let maxSteps: number | undefined;
  if (values['max-steps'] !== undefined) {
    maxSteps = Number(values['max-steps']);
    if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new BadInput(`--max-steps must be a whole number of at least 1, got '${values['max-steps']}'`);
  }
  const manualTurn = stdinTurns(io, playground);
  const baseURL = values['base-url'];
  if (baseURL !== undefined && !/^https?:\/\/[^/]/.test(baseURL)) throw new BadInput(`--base-url ${baseURL}: expected an http:// or https:// address`);
  const flagProvider = /^(openai|anthropic|google|openai-compatible):/.exec(values.model ?? '')?.[1] as RealProvider | undefined;
  const ownProvider = isProviderModel(playground.model) ? playground.model.provider : undefined;
  if (baseURL && !values.model && playground.model.provider === 'openai-compatible') {
    // --base-url is the server's address, for the playground's own OpenAI-compatible model too.
    playground.model = { ...playground.model, baseURL };
  }
  const keys = keysFromEnv(io.env ?? {}, { ...(baseURL ? { baseURL } : {}), ...((flagProvider ?? ownProvider) ? { baseURLProvider: flagProvider ?? ownProvider } : {}) });
  warnAboutUnsentKey(playground, keys, io);
  const flagModel = values.model !== undefined ? await modelFromFlag(values.model, { manualTurn, keys, baseURL }) : undefined;
  const model = flagModel?.client;

  if (playground.sandbox.kind === 'webcontainer' && values.sandbox === undefined) {
    io.stderr('note: this playground asks for the WebContainer sandbox, which lives in the browser: running it on QuickJS (--sandbox node runs it on Node, with its packages)\n');
  }
  playground.mcpServers = withMcpFlags(playground.mcpServers, values.mcp ?? []);
  const mcp = playground.mcpServers.length > 0 ? await connectMcp(playground, io) : undefined;
  try {
    return await runAgent(playground, mcp, { file, values, io, model, modelSettings: flagModel?.settings, manualTurn, maxSteps, keys, baseURL, otlpSend });
  } finally {
    await mcp?.close();
  }
}

interface RunContext {
  file: string;
  values: { sandbox?: string; 'modules-dir'?: string; trace?: string; otlp?: string; continue?: string[] };
  io: CliIO;
  model: ModelClient | undefined;
  /** The settings of a real provider's --model (its OpenTelemetry attributes: provider, server address). */
  modelSettings: ModelSettings | undefined;
  manualTurn: ManualTurn;
  maxSteps: number | undefined;
  keys: Record<string, string>;
  baseURL: string | undefined;
  otlpSend: { endpoint: string; headers: OtlpHeaders } | undefined;
}

async function runAgent(playground: Playground, mcp: McpConnection | undefined, { file, values, io, model, modelSettings, manualTurn, maxSteps, keys, baseURL, otlpSend }: RunContext): Promise<number> {
  let agent;
  try {
    agent = createAgentFromPlayground(playground, {
      ...(mcp ? { mcp } : {}),
      model,
      manualTurn,
      ask: stdinAnswers(io),
      maxSteps,
      replayDelayMs: 0,
      keys,
      ...(values.sandbox === 'node'
        ? { createExecutor: nodeExecutorFor(playground, values['modules-dir'] ?? 'node_modules'), sandboxPackages: playground.sandbox.packages.map(packageName) }
        : {}),
      ...(baseURL && !model ? { providerContext: { baseURL } } : {}),
    });
  } catch (error) {
    if (error instanceof ToolSourceError) {
      throw new BadInput(
        `${file}: the tools source has errors:\n${error.diagnostics.map((d) => `  ${file} (tools) line ${d.line}:${d.column}: ${d.message}`).join('\n')}`,
      );
    }
    if (error instanceof PlaygroundSetupError) throw new BadInput(`${file}: ${error.message}`);
    if (error instanceof ModelError) throw new BadInput(error.message);
    throw error;
  }

  const events: AgentEvent[] = [];
  const progress = createProgressPrinter(io.stderr);
  const followUps = [...(values.continue ?? [])];
  for await (const event of agent.run(playground.task, { signal: io.signal, nextTask: async () => followUps.shift() })) {
    events.push(event);
    progress(event);
  }
  if (values.trace) {
    await writeFile(values.trace, JSON.stringify(traceFromEvents(playground, events), null, 2) + '\n');
    io.stderr(`trace written to ${values.trace}\n`);
  }
  const sendFailed = await exportOtlp(modelSettings ? { ...playground, model: modelSettings } : playground, baseURL, events, values.otlp, otlpSend, io);
  const end = events.findLast((e) => e.type === 'run_end' && e.agent === 'main' && !e.parent);
  if (!end || end.type !== 'run_end') return EXIT.failure;
  const start = events.find((e) => e.type === 'run_start' && !e.parent);
  const cost = start?.type === 'run_start' ? costOf(end.usage, priceFor(start.model)) : undefined;
  if (cost !== undefined && start?.type === 'run_start') io.stderr(`cost ${formatCost(cost)} (list price of ${start.model})\n`);
  if (end.status === 'success' || end.status === 'max_steps') {
    // One answer per task: the earlier tasks' answers first (a run with follow-ups), then the last one's.
    for (const e of events) {
      if (e !== end && e.type === 'run_end' && e.agent === 'main' && !e.parent && 'finalAnswer' in e) io.stdout(`${formatAnswer(e.finalAnswer)}\n`);
    }
    if ('finalAnswer' in end) io.stdout(`${formatAnswer(end.finalAnswer)}\n`);
    if (sendFailed) return EXIT.failure;
    return end.status === 'success' ? EXIT.ok : EXIT.maxSteps;
  }
  return EXIT.failure;
}

/** `--otlp-endpoint` and its `--otlp-header`s, checked before the run so a typo costs no model calls. */
function otlpSendFlags(endpoint: string | undefined, headerFlags: string[]): { endpoint: string; headers: OtlpHeaders } | undefined {
  if (endpoint === undefined) {
    if (headerFlags.length) throw new BadInput('--otlp-header goes with --otlp-endpoint <url>');
    return undefined;
  }
  const checked = checkOtlpEndpoint(endpoint);
  if (!checked.ok) throw new BadInput(`--otlp-endpoint: ${checked.message}`);
  const parsed = parseOtlpHeaders(headerFlags.join('\n'));
  if (!parsed.ok) throw new BadInput(`--otlp-header: ${parsed.message.replace(/^header line (\d+)/, (_, n: string) => `flag ${n}`)}`);
  return { endpoint: checked.url.href, headers: parsed.headers };
}

/** Writes `--otlp` and sends to `--otlp-endpoint`; true when the sending failed (said on stderr, values never shown). */
async function exportOtlp(playground: Playground, baseURL: string | undefined, events: AgentEvent[], fileName: string | undefined, send: { endpoint: string; headers: OtlpHeaders } | undefined, io: CliIO): Promise<boolean> {
  if (!fileName && !send) return false;
  const otlp = otlpFromEvents(events, { ...otlpOptionsFor(playground), ...(baseURL ? { baseURL } : {}) });
  const spans = otlp.resourceSpans.reduce((n, r) => n + r.scopeSpans.reduce((m, s) => m + s.spans.length, 0), 0);
  if (fileName) {
    await writeFile(fileName, fileName.endsWith('.pb') ? otlpProtobuf(otlp) : `${JSON.stringify(otlp, null, 2)}\n`);
    io.stderr(`OpenTelemetry (${fileName.endsWith('.pb') ? 'protobuf' : 'JSON'}, ${spans} spans) written to ${fileName}\n`);
  }
  if (!send) return false;
  const result = await sendOtlp(otlpProtobuf(otlp), { ...send, ...(io.signal ? { signal: io.signal } : {}) });
  if (!result.ok) {
    io.stderr(`error: sending the OpenTelemetry trace failed: ${result.message}\n`);
    return true;
  }
  io.stderr(`OpenTelemetry: ${spans} spans sent to ${send.endpoint} (${result.status})\n`);
  return false;
}

/** `--mcp name=url`: changes the address of the server of that name, or adds one. */
function withMcpFlags(servers: Playground['mcpServers'], flags: string[]): Playground['mcpServers'] {
  const result = [...servers];
  for (const flag of flags) {
    const match = /^([^=]+)=(.+)$/.exec(flag);
    if (!match) throw new BadInput(`--mcp ${flag}: expected <name>=<url>, e.g. --mcp weather=http://127.0.0.1:8000/mcp`);
    const [, name, url] = match as unknown as [string, string, string];
    const index = result.findIndex((s) => s.name === name);
    const parsed = mcpServerSchema.safeParse({ ...(index >= 0 ? result[index] : {}), name, url });
    if (!parsed.success) throw new BadInput(`--mcp ${flag}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (index >= 0) result[index] = parsed.data;
    else result.push(parsed.data);
  }
  return result;
}

/** Connects to the playground's MCP servers, each with the token MCP_TOKEN_<NAME> if set, sent to that server's origin only. */
async function connectMcp(playground: Playground, io: CliIO): Promise<McpConnection> {
  const tokens: Record<string, string> = {};
  for (const server of playground.mcpServers) {
    const token = io.env?.[`MCP_TOKEN_${server.name.toUpperCase()}`]?.trim();
    const origin = originOf(server.url);
    if (token && origin) tokens[origin] = token;
  }
  for (const server of playground.mcpServers) {
    if (server.via === 'proxy') io.stderr(`note: MCP server '${server.name}' is set to go through the app's server; the CLI has no proxy and connects to ${server.url} directly\n`);
  }
  const connection = await connectMcpServers(playground.mcpServers, { tokens, ...(io.signal ? { signal: io.signal } : {}) });
  for (const server of playground.mcpServers) {
    const count = connection.tools.filter((t) => t.server === server.name).length;
    io.stderr(`MCP server '${server.name}' (${server.url}): ${count} tool${count === 1 ? '' : 's'}\n`);
  }
  return connection;
}

/** A playground's OpenAI-compatible model gets OPENAI_COMPATIBLE_API_KEY only at the --base-url typed: say so when it is set but not sent. */
function warnAboutUnsentKey(playground: Playground, keys: Record<string, string>, io: CliIO): void {
  const model = playground.model;
  if (model.provider !== 'openai-compatible' || !io.env?.OPENAI_COMPATIBLE_API_KEY?.trim()) return;
  const origin = originOf(model.baseURL);
  if (origin && !keys[origin]) {
    io.stderr(`note: OPENAI_COMPATIBLE_API_KEY is sent only to the --base-url you give; this playground's server ${origin} gets no key (add --base-url ${model.baseURL} to send it there)\n`);
  }
}

export function formatAnswer(answer: unknown): string {
  return typeof answer === 'string' ? answer : (JSON.stringify(answer) ?? String(answer));
}

async function readPlayground(file: string): Promise<Playground> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BadInput(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const result = parsePlaygroundJson(text);
  if (!result.ok) throw new BadInput(`${file} is not a valid playground:\n${indent(formatProblems(result.problems))}`);
  return result.playground;
}

const replayFileSchema = z.object({ responses: z.array(replayResponseSchema) });

interface ModelFlagContext {
  manualTurn: ManualTurn;
  keys: Record<string, string>;
  baseURL?: string;
}

async function modelFromFlag(flag: string, { manualTurn, keys, baseURL }: ModelFlagContext): Promise<{ client: ModelClient; settings?: ModelSettings }> {
  if (flag === 'manual') return { client: createManualModel(manualTurn) };
  const real = /^(openai|anthropic|google|openai-compatible):(.+)$/.exec(flag);
  if (real) {
    const provider = real[1] as RealProvider;
    if (provider === 'openai-compatible' && !baseURL) {
      throw new BadInput(`--model ${flag}: an OpenAI-compatible server needs --base-url, e.g. --base-url http://localhost:11434/v1 for Ollama`);
    }
    const settings = modelSettingsSchema.parse({ provider, model: real[2], ...(provider === 'openai-compatible' ? { baseURL } : {}) }) as ProviderModelSettings;
    const origin = keyOriginOf(settings, baseURL);
    const apiKey = origin ? keys[origin] : undefined;
    try {
      return { client: createProviderModel(settings, { ...(apiKey ? { apiKey } : {}), ...(baseURL && provider !== 'openai-compatible' ? { baseURL } : {}) }), settings };
    } catch (error) {
      throw new BadInput(`--model ${flag}: ${(error as Error).message}`);
    }
  }
  const replay = /^replay:(.+)$/.exec(flag);
  if (!replay) {
    throw new BadInput(`--model ${flag}: expected replay:<responses.json>, manual, openai:<id>, anthropic:<id>, google:<id> or openai-compatible:<id>`);
  }
  const file = replay[1]!;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new BadInput(`${file}: cannot read the replay file (${(error as Error).message})`);
  }
  const result = replayFileSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(file)'}: ${i.message}`);
    throw new BadInput(`${file} is not a replay file ({"responses": [...]}):\n${indent(lines.join('\n'))}`);
  }
  return { client: createReplayModel(result.data.responses as ReplayResponse[]) };
}

/** The built-in user_input on a terminal: the question on stderr, the answer is the next line of stdin. */
function stdinAnswers(io: CliIO): UserAsker {
  return async (question) => {
    io.stderr(`\n── the agent asks (user_input): ${question}\n── your answer (one line):\n`);
    const line = await io.readLine();
    if (line === null) throw new Error('user_input: standard input ended before an answer was given');
    return line;
  };
}

/** The manual model on a terminal: show what the model would see, read the turn up to a line with a single ".". */
function stdinTurns(io: CliIO, playground: Playground): ManualTurn {
  const shown = new Map<string, number>();
  return async (request) => {
    const from = shown.get(request.agent) ?? 0;
    const fresh = request.messages.slice(from);
    shown.set(request.agent, request.messages.length);
    io.stderr(`\n── model turn (${request.agent}, ${request.purpose}) — messages the model would receive${from ? ' since your last turn' : ''}:\n`);
    for (const m of fresh) io.stderr(`[${m.role}]\n${m.content}\n`);
    const toolCalling = request.tools !== undefined;
    io.stderr(
      toolCalling
        ? '── write your tool calls as JSON, e.g. [{"name": "final_answer", "arguments": {"answer": 42}}], then a line with a single ".":\n'
        : request.toolCallFormat === 'text'
          ? '── write your turn (Thought, then the tool call as a ```json block: {"name": "final_answer", "arguments": {"answer": 42}}; the system prompt lists the tools), then a line with a single ".":\n'
          : '── write your turn (Thought, then a ```js block), then a line with a single ".":\n',
    );
    const lines: string[] = [];
    for (;;) {
      const line = await io.readLine();
      if (line === null) {
        if (lines.length === 0) throw new Error('standard input ended before the model turn was written');
        break;
      }
      if (line === '.') break;
      lines.push(line);
    }
    const text = lines.join('\n');
    return toolCalling && playground ? parseToolCallTurn(text) : text;
  };
}

const toolCallTurnSchema = z.array(z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()).default({}) }));

function parseToolCallTurn(text: string): ModelResponse {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return { text };
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return { text };
  }
  const calls = toolCallTurnSchema.safeParse(Array.isArray(data) ? data : [data]);
  if (!calls.success) return { text };
  return { text: '', toolCalls: calls.data.map((c, i) => ({ id: `manual_${Date.now().toString(36)}_${i}`, name: c.name, arguments: c.arguments })) };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** The Node kernel, allowed the playground's packages (sandbox.packages) from a node_modules folder. */
function nodeExecutorFor(playground: Playground, modulesDir: string) {
  const packages = playground.sandbox.packages.map(packageName);
  return (options: ExecutorOptions) =>
    createNodeExecutor({ ...options, ...(packages.length ? { packages, modulesDir: resolve(modulesDir) } : {}) });
}
