// Compare: one run's figures (outcome, steps, tool calls, tokens, cost, time) and the table of two runs side by side.
import { costOf, formatCost, priceFor, type ModelPrice } from '../models/prices';
import type { RunState } from './run-state';
import { totalUsage } from './run-state';

export type CompareOutcome = 'final answer' | 'max steps' | 'error' | 'stopped' | 'running' | 'not run';

export interface CompareRow {
  outcome: CompareOutcome;
  /** The final answer or the error message, short. */
  detail?: string;
  steps: number;
  toolCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** The tokens are the app's estimate (replay and manual models), not the model's report. */
  estimated: boolean;
  /** US dollars at list price; undefined without a price or with estimated tokens. */
  cost?: number;
  durationMs?: number;
}

/** The figures of the top-level run in `state` (steps and tool calls of managed agents count too). */
export function summarizeRun(state: RunState, prices: Readonly<Record<string, ModelPrice>> = {}): CompareRow {
  const main = state.runs.find((r) => !r.parent);
  if (!main) return { outcome: 'not run', steps: 0, toolCalls: 0, inputTokens: 0, outputTokens: 0, estimated: false };
  const usage = main.status === 'running' ? totalUsage(state) : main.usage;
  const mainSteps = state.steps.filter((s) => s.runKey === main.key);
  const outcome: CompareOutcome =
    main.status === 'success' ? 'final answer' : main.status === 'max_steps' ? 'max steps' : main.status === 'aborted' ? 'stopped' : main.status === 'running' ? 'running' : 'error';
  const detail = main.finalAnswer ? short(main.finalAnswer.value) : main.error?.message;
  const cost = costOf(usage, priceFor(main.model, prices));
  return {
    outcome,
    ...(detail !== undefined ? { detail } : {}),
    steps: mainSteps.filter((s) => s.kind !== 'planning').length,
    toolCalls: state.steps.reduce((n, s) => n + s.toolCalls.length, 0),
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    estimated: usage.estimated === true,
    ...(cost !== undefined ? { cost } : {}),
    ...(main.durationMs !== undefined ? { durationMs: main.durationMs } : {}),
  };
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The table's rows, each as a label and one text per side: the same for the UI and the CLI. */
export function compareTableRows(rows: readonly CompareRow[]): { label: string; values: string[] }[] {
  const tokens = (r: CompareRow) => `${r.inputTokens} / ${r.outputTokens}${r.estimated ? ' (estimated)' : ''}`;
  return [
    { label: 'Outcome', values: rows.map((r) => (r.detail ? `${r.outcome}: ${r.detail}` : r.outcome)) },
    { label: 'Steps', values: rows.map((r) => String(r.steps)) },
    { label: 'Tool calls', values: rows.map((r) => String(r.toolCalls)) },
    { label: 'Tokens in / out', values: rows.map(tokens) },
    { label: 'Cost', values: rows.map((r) => (r.cost !== undefined ? formatCost(r.cost) : '—')) },
    { label: 'Time', values: rows.map((r) => (r.durationMs !== undefined ? formatDuration(r.durationMs) : '—')) },
  ];
}

export function formatDuration(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/** A plain-text table, columns padded: `headers` name the sides. */
export function formatCompareTable(headers: readonly string[], rows: readonly CompareRow[]): string {
  const body = compareTableRows(rows).map((r) => [r.label, ...r.values]);
  const all = [['', ...headers], ...body];
  const widths = all[0]!.map((_, c) => Math.max(...all.map((line) => line[c]!.length)));
  return all.map((line) => line.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n') + '\n';
}
