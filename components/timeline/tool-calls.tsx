'use client';
// Each tool call of a step: name, arguments, result or error, duration; a team member's run nests under its call.
import type { ReactNode } from 'react';
import type { ToolCallState } from '@/lib/agent';
import { renderValue } from '@/lib/agent/render-value';
import type { InjectedFault } from '@/lib/tools/tool-faults';
import { formatArgs, formatMs } from './format';
import { previewOf } from './step-text';

export function ToolCalls({ calls, nested }: { calls: ToolCallState[]; nested: (callId: string) => ReactNode }) {
  return (
    <div role="group" aria-label="Tool calls">
      <h3 className="muted text-xs font-semibold tracking-wide uppercase">Tool calls ({calls.length})</h3>
      <ol className="mt-1 space-y-1">
        {calls.map((call) => (
          <li key={call.callId} data-testid="tool-call" className="rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-700">
            <div className="flex flex-wrap items-baseline gap-x-2 font-mono">
              {call.server !== undefined && (
                <span data-testid="tool-call-server" className="rounded bg-violet-100 px-1 font-sans text-violet-900 dark:bg-violet-950 dark:text-violet-200">
                  MCP · {call.server}
                </span>
              )}
              <span data-testid="tool-call-name" className="font-semibold">
                {call.name}
              </span>
              <span data-testid="tool-call-args" className="break-all">
                ({formatArgs(call.args)})
              </span>
              {call.injected?.map((f) => (
                <span
                  key={f.kind}
                  data-testid="tool-call-injected"
                  title={faultDetail(f)}
                  className="rounded bg-fuchsia-100 px-1 font-sans font-semibold text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200"
                >
                  injected fault: {f.kind}
                </span>
              ))}
              <span className="muted ml-auto font-sans" data-testid="tool-call-duration">
                {call.done ? formatMs(call.durationMs) : 'running…'}
              </span>
            </div>
            {call.done && <CallOutcome call={call} />}
            {call.recorded && <AnsweredBefore recorded={call.recorded} />}
            {nested(call.callId)}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** What the fault did, for the badge's tooltip. */
function faultDetail(f: InjectedFault): string {
  switch (f.kind) {
    case 'fail':
      return `Injected on purpose: the tool was not run and threw "${f.message}"`;
    case 'slow':
      return `Injected on purpose: the answer came ${f.delayMs} ms later`;
    case 'junk':
      return 'Injected on purpose: the tool was not run and a wrong-shaped value came back';
    case 'inject':
      return `Injected on purpose: the real result came back with this text added: ${f.text}`;
  }
}

/** In a replayed step of a fork: the tool answered differently this time, and this is what it answered then. */
function AnsweredBefore({ recorded }: { recorded: NonNullable<ToolCallState['recorded']> }) {
  const before = recorded.error !== undefined ? `✗ ${recorded.error}` : previewOf(renderValue(recorded.result), 300, 4).preview;
  return (
    <p data-testid="tool-call-changed" className="mt-1 rounded bg-amber-50 px-1 font-mono break-words whitespace-pre-wrap text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      <span className="font-sans font-semibold">Answered differently than in the run forked; then: </span>
      {before}
    </p>
  );
}

function CallOutcome({ call }: { call: ToolCallState }) {
  if (call.error !== undefined) {
    return (
      <p data-testid="tool-call-error" className="mt-1 font-mono break-words text-red-800 dark:text-red-300">
        ✗ {call.error}
      </p>
    );
  }
  const { preview, cut } = previewOf(renderValue(call.result), 600, 8);
  return (
    <p data-testid="tool-call-result" className="mt-1 font-mono break-words whitespace-pre-wrap">
      <span aria-label="returned">→ </span>
      {preview}
      {cut && <span className="muted"> … (full result in the step’s model input)</span>}
    </p>
  );
}
