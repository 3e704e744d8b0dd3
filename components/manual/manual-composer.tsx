'use client';
// "You are the model": the exact messages the model would get, and a template of the answer to write.
import { useState, type KeyboardEvent } from 'react';
import { answerTemplate, parseManualToolCalls, toolCallSkeleton } from '@/lib/models/manual-template';
import { useRunStore, type ManualTurnRequest } from '@/lib/store/run-store';
import { MessageList } from '../timeline/step-inspector';
import { Disclosure } from '../ui/disclosure';

export function ManualComposer() {
  const turn = useRunStore((s) => s.manualTurn);
  if (!turn) return null;
  return <Composer key={turn.turnId} turn={turn} />;
}

function Composer({ turn }: { turn: ManualTurnRequest }) {
  const submitTurn = useRunStore((s) => s.submitTurn);
  const template = answerTemplate(turn.request);
  const [text, setText] = useState(template.kind === 'text' ? template.text : '');
  const [calls, setCalls] = useState(template.kind === 'tool-calls' ? template.calls : '');
  const [error, setError] = useState<string>();
  const tools = turn.request.tools ?? [];
  const who = turn.request.agent === 'main' ? 'the agent' : `team member ${turn.request.agent}`;

  const submit = () => {
    if (template.kind === 'text') {
      if (!text.trim()) return setError('Write the model’s answer first.');
      return submitTurn({ text });
    }
    const parsed = parseManualToolCalls(calls, tools);
    if (!parsed.ok) return setError(parsed.message);
    submitTurn({ text, toolCalls: parsed.calls });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      submit();
    }
  };

  return (
    <section aria-label="Your turn as the model" data-testid="manual-composer" className="card mt-3 space-y-3 border-2 border-blue-400 p-3 dark:border-blue-600">
      <header>
        <h2 className="font-semibold">Your turn: you are the model ({turn.request.purpose} turn of {who})</h2>
        <p className="muted text-sm">{template.hint} The step then runs for real in the sandbox.</p>
      </header>
      <Disclosure title={`What the model receives: ${turn.request.messages.length} messages${tools.length ? ` and ${tools.length} tool schemas` : ''}`} defaultOpen>
        <MessageList messages={turn.request.messages} />
        {tools.length > 0 && (
          <Disclosure title="Tool schemas" className="mt-2">
            <pre tabIndex={0} className="mono-block">{JSON.stringify(tools, null, 2)}</pre>
          </Disclosure>
        )}
      </Disclosure>
      {template.kind === 'text' ? (
        <label className="block space-y-1">
          <span className="label">Your answer</span>
          <textarea
            className="field min-h-40 font-mono"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(undefined);
            }}
            onKeyDown={onKeyDown}
            spellCheck={false}
            autoFocus
          />
        </label>
      ) : (
        <>
          <label className="block space-y-1">
            <span className="label">Thought (optional)</span>
            <textarea className="field min-h-16" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
          </label>
          <label className="block space-y-1">
            <span className="label">Tool calls (JSON)</span>
            <textarea
              className="field min-h-32 font-mono"
              value={calls}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'composer-error' : undefined}
              onChange={(e) => {
                setCalls(e.target.value);
                setError(undefined);
              }}
              onKeyDown={onKeyDown}
              spellCheck={false}
              autoFocus
            />
          </label>
          <div className="flex flex-wrap gap-1" role="group" aria-label="Insert a tool call">
            {tools.map((tool) => (
              <button
                key={tool.name}
                type="button"
                className="btn text-xs"
                onClick={() => {
                  let list: unknown;
                  try {
                    list = calls.trim() ? JSON.parse(calls) : [];
                  } catch {
                    return setError('Fix the JSON above before inserting another call.');
                  }
                  setCalls(JSON.stringify([...(Array.isArray(list) ? list : [list]), toolCallSkeleton(tool)], null, 2));
                  setError(undefined);
                }}
              >
                + {tool.name}
              </button>
            ))}
          </div>
        </>
      )}
      {error && (
        <p id="composer-error" role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      {/* On a phone the page scrolls as one: the send button sticks to the bottom of the screen while the composer is in view. */}
      <div className="sticky bottom-0 -mx-3 -mb-3 flex items-center gap-2 rounded-b-lg border-t border-zinc-200 bg-white p-3 lg:static lg:m-0 lg:border-0 lg:bg-transparent lg:p-0 dark:border-zinc-700 dark:bg-zinc-900 lg:dark:bg-transparent">
        <button type="button" className="btn-primary" onClick={submit}>
          Send as the model
        </button>
        <span className="muted text-xs">Ctrl+Enter sends</span>
      </div>
    </section>
  );
}
