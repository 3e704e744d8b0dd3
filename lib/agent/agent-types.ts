// The shapes of an agent: its options, its tools as its model sees them, its team members, and a run's options.
// Below agent.ts and the step actions, so each of them imports these without importing the loop.
import type { ModelClient, ModelResponse, ModelTool } from '../models/types';
import type { Executor, HostTool } from '../sandbox/types';
import type { FaultSettings } from '../tools/tool-faults';
import type { ToolSpec } from '../tools/types';
import type { AgentEvent, AgentType, ForkRef, ParentRef } from './events';
import type { PromptTemplates } from './prompts/templates';

/** The tools as each kind of agent shows them to its model. */
export interface AgentTools {
  specs: ToolSpec[];
  /** CodeAgent: TypeScript declarations with doc comments, final_answer included. */
  codePrompt: string;
  /** ToolCallingAgent: a readable list for the system prompt, final_answer included. */
  listPrompt: string;
  /** ToolCallingAgent: JSON schemas for native tool calling, final_answer included. */
  schemas: ModelTool[];
  /** The MCP tools among them (named in the CodeAgent's rules: they take one object). */
  mcpToolNames?: string[];
}

export interface ManagedAgentContext {
  signal: AbortSignal;
  parent: ParentRef;
  /** The top-level run's start, so nested events share one clock. */
  t0: number;
  emit: (event: AgentEvent) => void;
}

/** A sub-agent the manager can call like a tool. */
export interface ManagedAgent {
  name: string;
  description: string;
  agent: Agent;
}

/** Returns true to accept the answer, or the reason to reject it. */
export type FinalAnswerCheck = (answer: unknown, ctx: { executor: Executor; signal: AbortSignal }) => Promise<true | string>;

export interface AgentOptions {
  /** `main` for the top-level agent. */
  name?: string;
  type: AgentType;
  model: ModelClient;
  /** Creates the sandbox session for one run, with the managed agents (and `hostTools`) as host tools. */
  createExecutor: (hostTools: HostTool[]) => Executor;
  tools: AgentTools;
  /** Tools that run outside the sandbox besides the team members: an MCP server's tools. Described in `tools`. */
  hostTools?: HostTool[];
  managedAgents?: ManagedAgent[];
  maxSteps: number;
  /** Plan before step 1 and then every N action steps. */
  planningInterval?: number | null;
  finalAnswerChecks?: { name: string; check: FinalAnswerCheck }[];
  instructions?: string;
  maxObservationChars?: number;
  /** Prompt templates that replace the defaults (lib/agent/prompts/templates.ts). */
  templates?: Partial<PromptTemplates>;
  /** CodeAgent: the npm packages its sandbox lets the code import, named in the prompt (none: it says there are none). */
  packages?: readonly string[];
  /**
   * ToolCallingAgent: `text` describes the tools in the system prompt and reads each call from a JSON block of the model's
   * text, for models and servers without native tool calls. Default `native`.
   */
  toolCallFormat?: 'native' | 'text';
  /** Faults to inject into the tools' calls. A CodeAgent's sandbox applies them (give them to its executor too); a ToolCallingAgent's calls get them here. */
  faults?: FaultSettings;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Set when this agent runs as a managed agent. */
  parent?: ParentRef;
  t0?: number;
  /**
   * Sees each event the moment it is emitted, before the iterator yields it. The code of a step reaches it
   * before the step runs, even when the run then keeps the thread busy (a synchronous loop in the sandbox).
   */
  onEvent?: (event: AgentEvent) => void;
  /**
   * Start from a recorded prefix (a fork): step i + 1 takes `prefix.steps[i].response` instead of calling the model, and
   * its code runs again so the sandbox's state is rebuilt. The last one is the person's edit; later steps call the model.
   */
  fork?: ForkPrefix;
  /**
   * Step through: awaited after every step the run goes on from. Nothing runs in the sandbox while it waits, so no
   * step's time limit is spent; Stop (the signal) ends the wait.
   */
  pauseAfterStep?: (info: { step: number }) => Promise<void>;
  /**
   * Asked after each task ends (its `run_end`): a task continues the run with memory and sandbox session kept
   * (smolagents' reset=False), `undefined` ends it. The sandbox is disposed only once the run ends for good.
   */
  nextTask?: () => Promise<string | undefined>;
}

/** What a fork replays: the parent run and step, and the model outputs of steps 1..N (the last one edited). */
export interface ForkPrefix {
  of: ForkRef;
  steps: RecordedStep[];
}

export interface RecordedStep {
  response: ModelResponse;
  /** The calls the parent run made in this step, in order: a call that answers differently now is marked. */
  toolCalls?: { name: string; result?: unknown; error?: string }[];
}

export interface Agent {
  readonly name: string;
  readonly options: AgentOptions;
  systemPrompt(): string;
  /** Runs the task, yielding every event; the last one is always `run_end`. */
  run(task: string, options?: RunOptions): AsyncIterable<AgentEvent>;
}
