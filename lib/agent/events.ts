// The agent's event stream: plain JSON, the only thing the UI, the trace and the agent's own memory read.
import type { ToolCall, TokenUsage } from '../models/types';
import type { SandboxError, SessionVariable } from '../sandbox/types';
import type { InjectedFault } from '../tools/tool-faults';

export type AgentType = 'code' | 'tool-calling';
export type StepKind = 'planning' | 'action' | 'final';
export type RunStatus = 'success' | 'max_steps' | 'error' | 'aborted';

/** Where a managed agent's run hangs: the manager's step and the tool call that started it. */
export interface ParentRef {
  agent: string;
  step: number;
  callId: string;
}

/** The run and step a fork was made from ("Edit and re-run from here"). */
export interface ForkRef {
  runId: string;
  step: number;
}

/** How a fork's step got its model output: played from the parent run, or the person's edit. */
export type StepSource = 'recorded' | 'edited';

export interface RunToolInfo {
  name: string;
  description: string;
  /** In call order: a CodeAgent's positional arguments are named by these. */
  parameters: string[];
  /** Takes one object of named arguments (an MCP tool). */
  objectArgument?: boolean;
}

export interface StepTiming {
  modelMs: number;
  executionMs: number;
  totalMs: number;
}

export interface EventScope {
  /** `main` for the top-level agent, else the managed agent's name. */
  agent: string;
  /** Set on a managed agent's events. */
  parent?: ParentRef;
  /** Milliseconds since the top-level run started. */
  t: number;
}

export type AgentEventBody =
  | {
      type: 'run_start';
      runId: string;
      task: string;
      agentType: AgentType;
      maxSteps: number;
      systemPrompt: string;
      /** The planning and final-answer templates this run overrides (a playground's own), so its model input can be derived. */
      promptTemplates?: Partial<Record<'initialPlan' | 'updatePlan' | 'finalAnswer', string>>;
      startedAt: string;
      model: string;
      sandbox: string;
      /** Set when this run is a fork of another run at one of its steps. */
      forkOf?: ForkRef;
      /** A ToolCallingAgent whose model writes its tool calls as JSON in its text (absent: native tool calls). */
      toolCallFormat?: 'text';
      /** The tools this run's model was shown (names, descriptions, parameter names): traces name a call's arguments by them. */
      tools?: RunToolInfo[];
    }
  /** A finished run takes another task (smolagents' reset=False): memory and the sandbox session are kept. */
  | { type: 'follow_up'; task: string }
  | { type: 'step_start'; step: number; kind: StepKind; source?: StepSource }
  | { type: 'model_delta'; step: number; text: string }
  /** The model call failed in a way worth retrying (rate limit, server error): it is tried again after delayMs. */
  | { type: 'model_retry'; step: number; attempt: number; delayMs: number; reason: string }
  /** `firstTokenMs`: from the call's start to its first streamed text (absent when nothing streamed, e.g. a replayed fork step). */
  | {
      type: 'model_end';
      step: number;
      text: string;
      toolCalls?: ToolCall[];
      usage: TokenUsage;
      durationMs: number;
      firstTokenMs?: number;
      /** As the provider said them, when it did (ModelResponse's fields of the same names). */
      finishReason?: string;
      responseModel?: string;
      responseId?: string;
    }
  | { type: 'code'; step: number; code: string }
  /** `server`: the MCP server whose tool this is. */
  | { type: 'tool_call_start'; step: number; callId: string; name: string; server?: string; args: unknown }
  /** `recorded`: in a replayed step of a fork, what the parent run got from this call when it answers differently now. */
  | {
      type: 'tool_call_end';
      step: number;
      callId: string;
      name: string;
      server?: string;
      result?: unknown;
      error?: string;
      durationMs: number;
      recorded?: { result?: unknown; error?: string };
      /** Faults injected into this call on purpose (the playground's tool faults): not the tool's own doing. */
      injected?: InjectedFault[];
    }
  | { type: 'log'; step: number; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  /** The sandbox session's own top-level names after this step's code (`total`: how many in all; the first 100 are listed). */
  | { type: 'variables'; step: number; variables: SessionVariable[]; total: number }
  /** Exactly the text the model is shown for this step's outcome. */
  | { type: 'observation'; step: number; text: string }
  | { type: 'step_error'; step: number; error: SandboxError }
  | { type: 'final_answer'; step: number; answer: unknown }
  | { type: 'step_end'; step: number; usage: TokenUsage; timing: StepTiming }
  | {
      type: 'run_end';
      status: RunStatus;
      finalAnswer?: unknown;
      usage: TokenUsage;
      durationMs: number;
      error?: { type: string; message: string };
    };

export type AgentEvent = AgentEventBody & EventScope;
export type AgentEventType = AgentEvent['type'];
