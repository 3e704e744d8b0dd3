'use client';
// The exact messages a step's model call received and the raw output it gave, each copyable.
import { modelInputForStep } from '@/lib/agent/memory';
import type { AgentRunState, StepState } from '@/lib/agent/run-state';
import type { ChatMessage } from '@/lib/models/types';
import { useRunStore } from '@/lib/store/run-store';
import { useStepFocusStore } from '@/lib/store/step-focus-store';
import { CopyButton } from '../ui/copy-button';
import { Disclosure } from '../ui/disclosure';

export function StepInspector({ step, run }: { step: StepState; run: AgentRunState }) {
  // A link to this step (of the main run) opens it.
  const openSignal = useStepFocusStore((s) => (!step.parent && s.shown?.step === step.index ? s.shown.id : undefined));
  return (
    <Disclosure title="Model input and raw output" openSignal={openSignal} testId="step-inspector" className="border-t border-zinc-200 pt-2 dark:border-zinc-700">
      <InspectorBody step={step} run={run} />
    </Disclosure>
  );
}

function InspectorBody({ step, run }: { step: StepState; run: AgentRunState }) {
  const steps = useRunStore((s) => s.state.steps);
  const messages = modelInputForStep(run, steps, step);
  const raw = step.modelToolCalls?.length ? `${step.modelOutput}\n\nTool calls:\n${JSON.stringify(step.modelToolCalls, null, 2)}`.trim() : step.modelOutput;
  return (
    <div className="space-y-3">
      <MessageList messages={messages} />
      <div role="group" aria-label="Raw model output" data-testid="raw-output">
        <div className="flex items-center gap-2">
          <h3 className="muted text-xs font-semibold tracking-wide uppercase">Raw model output</h3>
          <CopyButton text={raw} label={`Copy the raw output of step ${step.index}`} />
        </div>
        <pre tabIndex={0} className="mono-block mt-1 max-h-96 overflow-y-auto">{raw || '(empty)'}</pre>
      </div>
    </div>
  );
}

export function MessageList({ messages, heading = 'Messages sent to the model' }: { messages: ChatMessage[]; heading?: string }) {
  return (
    <div role="group" aria-label={heading} data-testid="model-messages">
      <div className="flex items-center gap-2">
        <h3 className="muted text-xs font-semibold tracking-wide uppercase">
          {heading} ({messages.length})
        </h3>
        <CopyButton text={JSON.stringify(messages, null, 2)} label="Copy all messages as JSON" />
      </div>
      <ol className="mt-1 space-y-2">
        {messages.map((m, i) => (
          <li key={i} data-testid="model-message" data-role={m.role} className="rounded-md border border-zinc-200 dark:border-zinc-700">
            <div className="flex items-center gap-2 border-b border-zinc-200 px-2 py-1 text-xs dark:border-zinc-700">
              <span className="font-semibold">{m.role}</span>
              {m.role === 'tool' && <span className="muted font-mono">{m.toolName}</span>}
              <span className="muted">{m.content.length.toLocaleString('en-US')} characters</span>
              <span className="ml-auto">
                <CopyButton text={m.content} label={`Copy message ${i + 1} (${m.role})`} />
              </span>
            </div>
            <pre tabIndex={0} className="max-h-80 overflow-y-auto p-2 font-mono text-xs leading-5 break-words whitespace-pre-wrap">{m.content}</pre>
            {m.role === 'assistant' && m.toolCalls && (
              <pre tabIndex={0} className="border-t border-zinc-200 p-2 font-mono text-xs break-words whitespace-pre-wrap dark:border-zinc-700">
                {JSON.stringify(m.toolCalls, null, 2)}
              </pre>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
