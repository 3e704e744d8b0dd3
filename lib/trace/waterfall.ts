// The waterfall of a run: each step's parts (model call, code, tool calls, team members' runs) as bars on one time axis,
// in milliseconds since the run started. Derived from the event log alone, so a live run, a shared run and an imported
// trace draw the same.
import type { AgentEvent, ParentRef, StepKind } from '../agent/events';
import { runKeyOf } from '../agent/run-state';
import type { TokenUsage } from '../models/types';

export type WaterfallPart = 'model' | 'code' | 'tool' | 'member';
/** `interrupted`: the run ended (stopped, failed) before this part did. */
export type WaterfallStatus = 'ok' | 'error' | 'running' | 'interrupted';

export interface WaterfallRetry {
  attempt: number;
  /** When the failed attempt gave up, since the run started. */
  atMs: number;
  delayMs: number;
  reason: string;
}

export interface WaterfallBar {
  id: string;
  part: WaterfallPart;
  /** `model call`, `code`, or the tool's (team member's) name. */
  name: string;
  startMs: number;
  durationMs: number;
  /** Model calls: from the bar's start to the first streamed token, when something streamed. */
  firstTokenMs?: number;
  /** Model calls: the call's usage; team members: their whole run's. */
  usage?: TokenUsage;
  status: WaterfallStatus;
  error?: string;
  /** Model calls: failed attempts that were tried again. */
  retries?: WaterfallRetry[];
}

export interface WaterfallRow {
  id: string;
  /** `step`: the step's model call and code on one line; `call`: one of its tool calls (a team member's run is one). */
  kind: 'step' | 'call';
  /** The top-level step the row belongs to: the step card a click opens. */
  openStep: number;
  agent: string;
  /** 0 for the top-level agent, one more per team member level. */
  depth: number;
  step: number;
  stepKind: StepKind;
  /** The step as its card names it: `Step 3`, `librarian · Step 1`. */
  stepLabel: string;
  bars: WaterfallBar[];
}

export interface Waterfall {
  rows: WaterfallRow[];
  /** The axis' length: the latest moment any event or bar reaches (at least 1 ms). */
  totalMs: number;
}

interface CallAcc {
  callId: string;
  name: string;
  startT?: number;
  end?: { t: number; durationMs: number; error?: string };
}

interface StepAcc {
  runKey: string;
  agent: string;
  step: number;
  kind: StepKind;
  startT: number;
  modelEnd?: { t: number; durationMs: number; firstTokenMs?: number; usage: TokenUsage };
  firstDeltaT?: number;
  retries: WaterfallRetry[];
  codeT?: number;
  error?: { type: string; message: string };
  endT?: number;
  calls: CallAcc[];
}

interface RunAcc {
  key: string;
  agent: string;
  parent?: ParentRef;
  steps: StepAcc[];
  endT?: number;
  usage?: TokenUsage;
}

export function waterfallOf(events: readonly AgentEvent[]): Waterfall {
  const runs = new Map<string, RunAcc>();
  const steps = new Map<string, StepAcc>();
  let lastT = 0;
  for (const e of events) {
    lastT = Math.max(lastT, e.t);
    const runKey = runKeyOf(e.agent, e.parent);
    if (e.type === 'run_start') {
      runs.set(runKey, { key: runKey, agent: e.agent, ...(e.parent ? { parent: e.parent } : {}), steps: [] });
      continue;
    }
    const run = runs.get(runKey);
    if (!run) continue;
    if (e.type === 'run_end') {
      run.endT = e.t;
      run.usage = e.usage;
      continue;
    }
    if (e.type === 'follow_up') {
      delete run.endT;
      continue;
    }
    if (e.type === 'step_start') {
      const acc: StepAcc = { runKey, agent: e.agent, step: e.step, kind: e.kind, startT: e.t, retries: [], calls: [] };
      run.steps.push(acc);
      steps.set(`${runKey}@${e.step}`, acc);
      continue;
    }
    const step = steps.get(`${runKey}@${e.step}`);
    if (!step) continue;
    switch (e.type) {
      case 'model_delta':
        step.firstDeltaT ??= e.t;
        break;
      case 'model_retry':
        step.retries.push({ attempt: e.attempt, atMs: e.t, delayMs: e.delayMs, reason: e.reason });
        break;
      case 'model_end':
        step.modelEnd = { t: e.t, durationMs: e.durationMs, usage: e.usage, ...(e.firstTokenMs !== undefined ? { firstTokenMs: e.firstTokenMs } : {}) };
        break;
      case 'code':
        step.codeT = e.t;
        break;
      case 'tool_call_start':
        step.calls.push({ callId: e.callId, name: e.name, startT: e.t });
        break;
      case 'tool_call_end': {
        let call = step.calls.find((c) => c.callId === e.callId);
        if (!call) step.calls.push((call = { callId: e.callId, name: e.name }));
        call.end = { t: e.t, durationMs: e.durationMs, ...(e.error !== undefined ? { error: e.error } : {}) };
        break;
      }
      case 'step_error':
        step.error = e.error;
        break;
      case 'step_end':
        step.endT = e.t;
        break;
    }
  }

  // A team member's run hangs under the call that started it: its manager's name, step and call id.
  const children = new Map<string, RunAcc[]>();
  for (const run of runs.values()) {
    if (!run.parent) continue;
    const at = `${run.parent.agent}@${run.parent.step}`;
    children.set(at, [...(children.get(at) ?? []), run]);
  }

  const rows: WaterfallRow[] = [];
  const visit = (run: RunAcc, depth: number, openStep: number | undefined) => {
    // Where an unfinished part ends on the axis: the run's end if it ended, else the latest event.
    const openEnd = run.endT ?? lastT;
    const openStatus: WaterfallStatus = run.endT !== undefined ? 'interrupted' : 'running';
    for (const step of run.steps) {
      const top = openStep ?? step.step;
      const stepLabel = depth === 0 ? `Step ${step.step}` : `${run.agent} · Step ${step.step}`;
      const base = { openStep: top, agent: run.agent, depth, step: step.step, stepKind: step.kind, stepLabel };
      const id = `${run.key}@${step.step}`;
      rows.push({ ...base, id, kind: 'step', bars: stepBars(step, id, step.endT ?? openEnd, openStatus) });
      const members = children.get(`${run.agent}@${step.step}`) ?? [];
      for (const call of step.calls) {
        const member = members.find((m) => m.parent?.callId === call.callId);
        const callRow = `${id}/${call.callId}`;
        rows.push({ ...base, id: callRow, kind: 'call', bars: [callBar(call, callRow, member, openEnd, openStatus)] });
        if (member) visit(member, depth + 1, top);
      }
      // A member whose call was not recorded still shows, under its step.
      for (const member of members) if (!step.calls.some((c) => c.callId === member.parent?.callId)) visit(member, depth + 1, top);
    }
  };
  for (const run of runs.values()) if (!run.parent) visit(run, 0, undefined);

  let totalMs = lastT;
  for (const row of rows) for (const bar of row.bars) totalMs = Math.max(totalMs, bar.startMs + bar.durationMs);
  return { rows, totalMs: Math.max(1, totalMs) };
}

function stepBars(step: StepAcc, id: string, endT: number, openStatus: WaterfallStatus): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  const error = step.error ? `${step.error.type}: ${step.error.message}` : undefined;
  // The model's own failures, and answers with no code to run, are the model call's; the rest are the code's.
  const errorOnCode = error !== undefined && step.codeT !== undefined && step.error?.type !== 'ModelError';
  const modelEnd = step.modelEnd;
  const modelStart = modelEnd ? Math.max(step.startT, modelEnd.t - modelEnd.durationMs) : step.startT;
  const firstTokenMs = modelEnd?.firstTokenMs ?? (step.firstDeltaT !== undefined ? Math.max(0, step.firstDeltaT - modelStart) : undefined);
  const modelStatus: WaterfallStatus = error !== undefined && !errorOnCode ? 'error' : modelEnd ? 'ok' : step.endT !== undefined ? 'ok' : openStatus;
  bars.push({
    id: `${id}:model`,
    part: 'model',
    name: 'model call',
    startMs: modelStart,
    durationMs: modelEnd ? modelEnd.durationMs : Math.max(0, endT - modelStart),
    ...(firstTokenMs !== undefined ? { firstTokenMs } : {}),
    ...(modelEnd ? { usage: modelEnd.usage } : {}),
    status: modelStatus,
    ...(modelStatus === 'error' ? { error } : {}),
    ...(step.retries.length ? { retries: step.retries } : {}),
  });
  if (step.codeT !== undefined) {
    const status: WaterfallStatus = errorOnCode ? 'error' : step.endT !== undefined ? 'ok' : openStatus;
    bars.push({
      id: `${id}:code`,
      part: 'code',
      name: 'code',
      startMs: step.codeT,
      durationMs: Math.max(0, endT - step.codeT),
      status,
      ...(errorOnCode ? { error } : {}),
    });
  }
  return bars;
}

function callBar(call: CallAcc, id: string, member: RunAcc | undefined, openEnd: number, openStatus: WaterfallStatus): WaterfallBar {
  const end = call.end;
  const startMs = call.startT ?? (end ? Math.max(0, end.t - end.durationMs) : openEnd);
  return {
    id: `${id}:${member ? 'member' : 'tool'}`,
    part: member ? 'member' : 'tool',
    name: call.name,
    startMs,
    durationMs: end ? end.durationMs : Math.max(0, openEnd - startMs),
    ...(member?.usage ? { usage: member.usage } : {}),
    status: end ? (end.error !== undefined ? 'error' : 'ok') : openStatus,
    ...(end?.error !== undefined ? { error: end.error } : {}),
  };
}
