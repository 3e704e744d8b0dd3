// The composition root: turns a playground document into a ready agent (tools compiled, sandbox and models chosen).
import { createAgent, type Agent, type AgentTools, type FinalAnswerCheck, type ManagedAgent } from '../agent';
import { builtinHostTools, builtinSpec, enabledBuiltins, type BuiltinToolContext, type UserAsker } from '../builtins';
import { mcpHostTools } from '../mcp/mcp-host-tools';
import { mcpModelTools, mcpNameClashes, mcpToolsAsList, mcpToolsForCode } from '../mcp/mcp-agent-tools';
import { sourceToolSource } from '../mcp/tool-name';
import type { McpConnection } from '../mcp/types';
import type { ModelClient } from '../models/types';
import { createManualModel, type ManualTurn } from '../models/manual-model';
import { keyOriginOf } from '../models/key-origin';
import { createLazyProviderModel } from '../models/lazy-provider-model';
import type { ProviderModelContext } from '../models/provider-model';
import { createReplayModel } from '../models/replay-model';
import type { ManagedAgentSettings, ModelSettings, Playground } from '../playground/schema';
import { createQuickJSExecutor } from '../sandbox';
import type { Executor, ExecutorOptions } from '../sandbox/types';
import { compileTools, FINAL_ANSWER_TOOL, renderToolsAsList, renderToolsForCode, toolSchemasForModel } from '../tools';
import type { CompiledTools, SourceDiagnostic } from '../tools/types';
import { callSignatures } from '../tools/call-signature';

/** The tools source has errors: the run can't start. */
export class ToolSourceError extends Error {
  override name = 'ToolSourceError';
  constructor(readonly diagnostics: SourceDiagnostic[]) {
    super(`the tools source has ${diagnostics.length} error(s):\n${diagnostics.map((d) => `  line ${d.line}:${d.column}: ${d.message}`).join('\n')}`);
  }
}

/** The playground can't run as set up (an unknown tool in a managed agent, a missing check …). */
export class PlaygroundSetupError extends Error {
  override name = 'PlaygroundSetupError';
}

export interface AgentFromPlaygroundOptions {
  /** Replaces the main agent's model (the CLI's --model, the UI's model picker). */
  model?: ModelClient;
  /** Used for `manual` model settings. */
  manualTurn?: ManualTurn;
  /** Creates a sandbox session; defaults to QuickJS. */
  createExecutor?: (options: ExecutorOptions) => Executor;
  /** The npm packages that `createExecutor`'s sandbox lets the code import (the Node kernel, WebContainer); QuickJS has none. */
  sandboxPackages?: readonly string[];
  maxSteps?: number;
  /** Overrides the replay delay (tests and the CLI use 0). */
  replayDelayMs?: number;
  /** The main agent's replay model starts after this many responses (a fork: its replayed and edited steps used theirs). */
  replaySkip?: number;
  /** API keys by origin (`https://api.openai.com`, `http://localhost:11434` …); never part of the playground. */
  keys?: Readonly<Record<string, string>>;
  /** Where the app runs (browser) or test hooks, for real providers. */
  providerContext?: Omit<ProviderModelContext, 'apiKey'>;
  /** The playground's MCP servers, connected for this run (lib/mcp/connect.ts); the caller closes it after the run. */
  mcp?: McpConnection;
  /** Answers the built-in `user_input` (the app's form, the CLI's stdin); without it the tool says nobody can answer. */
  ask?: UserAsker;
  /** Tests: the built-in `web_search`'s API address and fetch. */
  search?: BuiltinToolContext['search'];
}

export function createAgentFromPlayground(playground: Playground, options: AgentFromPlaygroundOptions = {}): Agent {
  const compiled = compileTools(playground.tools);
  if (compiled.errors.length > 0) throw new ToolSourceError(compiled.errors);

  const makeModel = (settings: ModelSettings, who: string, agentType: Playground['agent']['type'], skip = 0): ModelClient => {
    if (settings.provider === 'replay') {
      return createReplayModel(settings.responses, { delayMs: options.replayDelayMs ?? settings.delayMs, agentType, skip });
    }
    if (settings.provider !== 'manual') {
      // The key of the origin the calls go to, whatever the document calls the server.
      const origin = keyOriginOf(settings, options.providerContext?.baseURL);
      const apiKey = origin ? options.keys?.[origin] : undefined;
      return createLazyProviderModel(settings, { ...options.providerContext, ...(apiKey ? { apiKey } : {}) });
    }
    if (!options.manualTurn) {
      throw new PlaygroundSetupError(`${who} uses the manual model, but nothing can supply its turns here`);
    }
    return createManualModel(options.manualTurn);
  };
  const mainModel = options.model ?? makeModel(playground.model, 'the agent', playground.agent.type, options.replaySkip);
  const createExecutor = options.createExecutor ?? createQuickJSExecutor;
  const { sandbox } = playground;
  // Faults for tools the source has (a renamed tool's are kept in the document but do nothing).
  const faults = Object.fromEntries(
    Object.entries(playground.faults ?? {}).flatMap(([name, f]) => {
      const spec = compiled.tools.find((t) => t.name === name);
      return spec ? [[name, { ...f, async: spec.async }]] : [];
    }),
  );
  const withFaults = Object.keys(faults).length > 0 ? { faults } : {};
  const toolSignatures = callSignatures(compiled.tools);
  const packages = options.sandboxPackages?.length ? { packages: options.sandboxPackages } : {};
  const network = sandbox.network.enabled
    ? {
        allowedHosts: sandbox.network.allowedHosts,
        // The app's own server is never a tool's target: its model proxy may spend the server's keys.
        ...(options.providerContext?.pageOrigin ? { refusedOrigins: [options.providerContext.pageOrigin] } : {}),
      }
    : undefined;
  const executorFactory = (toolNames: string[]) => (hostTools: ExecutorOptions['hostTools']) =>
    createExecutor({
      toolsJs: compiled.js,
      toolNames,
      ...withFaults,
      toolSignatures,
      functionNames: compiled.functionNames,
      hostTools,
      limits: {
        timeoutMs: sandbox.timeoutMs,
        memoryMb: sandbox.memoryMb,
        maxLogChars: sandbox.maxLogChars,
        maxObservationChars: sandbox.maxObservationChars,
      },
      ...(network ? { network } : {}),
    });

  const checks = playground.agent.finalAnswerChecks.map((name) => {
    if (!compiled.functionNames.includes(name)) {
      throw new PlaygroundSetupError(`agent.finalAnswerChecks names '${name}', but the tools source has no function of that name`);
    }
    return { name, check: functionCheck(name) };
  });

  if (playground.mcpServers.length > 0 && !options.mcp) {
    throw new PlaygroundSetupError('this playground uses MCP servers: connect to them first (connectMcpServers) and pass the connection');
  }
  const mcpTools = options.mcp?.tools ?? [];
  const clashes = mcpNameClashes(mcpTools, [
    ...compiled.tools.map((t) => ({ name: t.name, source: sourceToolSource(t.name) })),
    ...playground.agent.managedAgents.map((m) => ({ name: m.name, source: `the team member '${m.name}'` })),
  ]);
  if (clashes.length > 0) throw new PlaygroundSetupError(`${clashes.join('; ')}: rename one, or leave the MCP tool out of the server's tools list`);

  // The built-ins run on the host, called from the sandbox like MCP tools; their specs join the user's in the prompt.
  const builtins = enabledBuiltins(playground.builtinTools);
  const taken = [
    ...compiled.tools.map((t) => [t.name, sourceToolSource(t.name)] as const),
    ...playground.agent.managedAgents.map((m) => [m.name, `the team member '${m.name}'`] as const),
    ...mcpTools.map((t) => [t.name, `the MCP tool '${t.mcpName}' of server '${t.server}'`] as const),
  ];
  const builtinClashes = builtins.flatMap((name) => taken.filter(([n]) => n === name).map(([, what]) => `the built-in tool '${name}' and ${what} have the same name`));
  if (builtinClashes.length > 0) throw new PlaygroundSetupError(`${builtinClashes.join('; ')}: rename yours, or turn the built-in off in the Tools tab`);
  const withBuiltins: CompiledTools = builtins.length ? { ...compiled, tools: [...compiled.tools, ...builtins.map(builtinSpec)] } : compiled;
  const hostTools = [
    ...(options.mcp ? mcpHostTools(options.mcp, { timeoutMs: sandbox.timeoutMs }) : []),
    ...builtinHostTools(builtins, {
      ...(options.ask ? { ask: options.ask } : {}),
      ...(network ? { network } : {}),
      ...(options.keys ? { keys: options.keys } : {}),
      ...(options.search ? { search: options.search } : {}),
    }),
  ];

  const managedAgents: ManagedAgent[] = playground.agent.managedAgents.map((m, i) => ({
    name: m.name,
    description: m.description,
    agent: createManagedAgent(m, i),
  }));

  function createManagedAgent(m: ManagedAgentSettings, i: number): Agent {
    const unknown = m.tools.filter((t) => !compiled.tools.some((s) => s.name === t));
    if (unknown.length > 0) {
      throw new PlaygroundSetupError(
        `agent.managedAgents[${i}].tools: no tool named ${unknown.map((t) => `'${t}'`).join(', ')} in the tools source`,
      );
    }
    const subset = selectTools(compiled, m.tools);
    return createAgent({
      name: m.name,
      type: m.type,
      model: m.model ? makeModel(m.model, `managed agent '${m.name}'`, m.type) : mainModel,
      createExecutor: executorFactory(m.tools),
      tools: agentTools(subset),
      maxSteps: m.maxSteps,
      // A member on the manager's model calls tools as that model does.
      toolCallFormat: (m.model ?? playground.model).toolCallFormat ?? 'native',
      instructions: m.instructions,
      maxObservationChars: sandbox.maxObservationChars,
      ...withFaults,
      ...packages,
    });
  }

  const mainTools = agentTools(withBuiltins);
  return createAgent({
    name: 'main',
    type: playground.agent.type,
    model: mainModel,
    createExecutor: executorFactory(compiled.tools.map((t) => t.name)),
    tools:
      mcpTools.length === 0
        ? mainTools
        : {
            specs: mainTools.specs,
            codePrompt: [mainTools.codePrompt, mcpToolsForCode(mcpTools, playground.mcpServers)].join('\n\n'),
            listPrompt: [mainTools.listPrompt, mcpToolsAsList(mcpTools)].join('\n'),
            schemas: [...mainTools.schemas, ...mcpModelTools(mcpTools)],
            mcpToolNames: mcpTools.map((t) => t.name),
          },
    ...(hostTools.length ? { hostTools } : {}),
    managedAgents,
    maxSteps: options.maxSteps ?? playground.agent.maxSteps,
    toolCallFormat: playground.model.toolCallFormat ?? 'native',
    planningInterval: playground.agent.planningInterval,
    finalAnswerChecks: checks,
    instructions: playground.agent.instructions,
    maxObservationChars: sandbox.maxObservationChars,
    ...withFaults,
    ...packages,
    ...(playground.agent.promptTemplates ? { templates: playground.agent.promptTemplates } : {}),
  });
}

export function agentTools(compiled: CompiledTools): AgentTools {
  return {
    specs: compiled.tools,
    codePrompt: renderToolsForCode(compiled),
    listPrompt: renderToolsAsList(compiled, FINAL_ANSWER_TOOL),
    schemas: toolSchemasForModel(compiled).map((s) => ({ ...s, parameters: s.parameters as Record<string, unknown> })),
  };
}

function selectTools(compiled: CompiledTools, names: string[]): CompiledTools {
  return { ...compiled, tools: compiled.tools.filter((t) => names.includes(t.name)) };
}

/** A final-answer check written as a function of the tools source: true/undefined accepts, false or a string rejects. */
function functionCheck(name: string): FinalAnswerCheck {
  return async (answer, { executor, signal }) => {
    const outcome = await executor.callFunction(name, [answer], { signal });
    if (outcome.error) return `${outcome.error.type}: ${outcome.error.message}`;
    if (outcome.value === true || outcome.value === undefined || outcome.value === null) return true;
    if (outcome.value === false) return 'it returned false';
    if (typeof outcome.value === 'string') return outcome.value;
    return true;
  };
}
