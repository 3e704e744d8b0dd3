// The built-in tools as the rest of the app sees them: their names, and what the host gives them for a run.
import type { NetworkPolicy } from '../sandbox/types';

export const BUILTIN_TOOL_NAMES = ['user_input', 'visit_webpage', 'web_search'] as const;
export type BuiltinToolName = (typeof BUILTIN_TOOL_NAMES)[number];

/** Asks the person a question mid-run and resolves with their answer (the app's form, the CLI's stdin). */
export type UserAsker = (question: string, ctx: { signal: AbortSignal; callId: string }) => Promise<string>;

export interface BuiltinToolContext {
  /** Who answers `user_input`; without one, the tool says nobody can answer here. */
  ask?: UserAsker;
  /** The playground's network rules (the sandbox's): `visit_webpage` reaches only the hosts they allow. */
  network?: NetworkPolicy;
  /** API keys by origin, as the models get them: `web_search` takes its provider's. */
  keys?: Readonly<Record<string, string>>;
  /** Tests: another address for the search API, and the fetch it uses. */
  search?: { endpoint?: string; fetch?: typeof fetch };
}

/** One built-in tool: its documented source (what the model and the person read) and how it runs on the host. */
export interface BuiltinTool {
  name: BuiltinToolName;
  /** One line for the Tools tab. */
  summary: string;
  /** A JSDoc-documented TypeScript declaration: compiled like the tools source, it gives the tool's spec. */
  source: string;
  /** Runs one call with the named arguments (already checked against the spec). */
  run: (args: Record<string, unknown>, ctx: BuiltinToolContext & { signal: AbortSignal; callId: string }) => Promise<unknown>;
}
