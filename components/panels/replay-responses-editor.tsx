'use client';
// Settings → Replay model: the responses a run of the current agent type plays, to view, edit, add, delete and reorder.
import { useId, useState } from 'react';
import { AGENT_TYPE_NAMES, type ReplayResponse } from '@/lib/models/replay-responses';
import { currentList, draftOf, parseDraft, type ReplayProblem, type ResponseDraft } from '@/lib/playground/replay-edit';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { Notice } from '../ui/notice';

export function ReplayResponsesEditor() {
  const doc = usePlaygroundStore((s) => s.doc);
  const type = doc.agent.type;
  const list = currentList(doc, type);
  const { setReplayResponses, removeReplayResponse } = usePlaygroundStore.getState();
  // The response being edited: its index, or the list's length for a new one.
  const [editing, setEditing] = useState<number>();
  const headingId = useId();
  const move = (from: number, to: number) => {
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setEditing(undefined);
    setReplayResponses(type, next);
  };
  return (
    <section aria-labelledby={headingId} className="space-y-2" data-testid="replay-responses">
      <h2 id={headingId} className="text-sm font-semibold">
        Replay responses <span className="muted font-normal">for the {AGENT_TYPE_NAMES[type]}</span>
      </h2>
      <RemovedResponseNotice />
      {list.length === 0 && <p className="muted text-sm">No responses yet: add one, or run with a real model and save the run as a replay.</p>}
      {list.length > 0 && (
        <ol className="space-y-2" aria-label="Replay responses">
          {list.map((response, index) => (
            <li key={index} className="card space-y-1 p-2 text-sm" data-testid="replay-response">
              {editing === index ? (
                <ResponseForm number={index + 1} response={response} toolCalls={type === 'tool-calling'} onDone={() => setEditing(undefined)} save={(r) => setReplayResponses(type, list.map((old, i) => (i === index ? r : old)))} />
              ) : (
                <>
                  <ResponseView number={index + 1} response={response} />
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className="btn text-xs" aria-label={`Edit response ${index + 1}`} onClick={() => setEditing(index)}>
                      Edit
                    </button>
                    <button type="button" className="btn text-xs" aria-label={`Delete response ${index + 1}`} onClick={() => (setEditing(undefined), removeReplayResponse(type, index))}>
                      Delete
                    </button>
                    <button type="button" className="btn text-xs" aria-label={`Move up response ${index + 1}`} disabled={index === 0} onClick={() => move(index, index - 1)}>
                      Move up
                    </button>
                    <button type="button" className="btn text-xs" aria-label={`Move down response ${index + 1}`} disabled={index === list.length - 1} onClick={() => move(index, index + 1)}>
                      Move down
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {editing === list.length ? (
        <div className="card p-2">
          <ResponseForm number={list.length + 1} toolCalls={type === 'tool-calling'} onDone={() => setEditing(undefined)} save={(r) => setReplayResponses(type, [...list, r])} />
        </div>
      ) : (
        <button type="button" className="btn" onClick={() => setEditing(list.length)}>
          Add response
        </button>
      )}
    </section>
  );
}

function ResponseView({ number, response }: { number: number; response: ReplayResponse }) {
  const draft = draftOf(response);
  return (
    <>
      <p className="muted text-xs">Response {number}</p>
      {draft.text ? <pre className="whitespace-pre-wrap break-words font-mono text-xs" data-testid="replay-response-text">{draft.text}</pre> : <p className="muted text-xs">(no text)</p>}
      {draft.toolCalls && (
        <pre className="whitespace-pre-wrap break-words font-mono text-xs" aria-label={`Tool calls of response ${number}`}>
          {draft.toolCalls}
        </pre>
      )}
    </>
  );
}

function ResponseForm({
  number,
  response,
  toolCalls,
  save,
  onDone,
}: {
  number: number;
  response?: ReplayResponse;
  toolCalls: boolean;
  save: (response: ReplayResponse) => { ok: true } | { ok: false; problems: ReplayProblem[] };
  onDone: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<ResponseDraft>(() => draftOf(response));
  const [problems, setProblems] = useState<ReplayProblem[]>([]);
  const showCalls = toolCalls || draft.toolCalls !== '';
  const messageOf = (field: ReplayProblem['field']) => problems.filter((p) => p.field === field).map((p) => p.message).join('; ');
  const submit = () => {
    const parsed = parseDraft(draft, response);
    const result = parsed.ok ? save(parsed.response) : parsed;
    if (!result.ok) return setProblems(result.problems);
    onDone();
  };
  const field = (name: 'text' | 'toolCalls') => {
    const message = messageOf(name) || (name === 'text' && !showCalls ? messageOf('response') : '');
    return { message, props: message ? { 'aria-invalid': true, 'aria-describedby': `${id}-${name}-error` } : {} };
  };
  const text = field('text');
  const calls = field('toolCalls');
  const whole = showCalls ? messageOf('response') : '';
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="block space-y-1">
        <span className="label">Text of response {number}</span>
        <textarea className="field min-h-24 font-mono text-xs" value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} {...text.props} />
      </label>
      {text.message && (
        <p id={`${id}-text-error`} className="text-xs text-red-800 dark:text-red-300">
          {text.message}
        </p>
      )}
      {showCalls && (
        <>
          <label className="block space-y-1">
            <span className="label">Tool calls of response {number} (JSON)</span>
            <textarea
              className="field min-h-20 font-mono text-xs"
              value={draft.toolCalls}
              placeholder='[{"name": "final_answer", "arguments": {"answer": 42}}]'
              onChange={(e) => setDraft({ ...draft, toolCalls: e.target.value })}
              {...calls.props}
            />
          </label>
          {calls.message && (
            <p id={`${id}-toolCalls-error`} className="text-xs text-red-800 dark:text-red-300">
              {calls.message}
            </p>
          )}
        </>
      )}
      {whole && (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {whole}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="btn text-xs">
          Save
        </button>
        <button type="button" className="btn text-xs" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RemovedResponseNotice() {
  const removed = usePlaygroundStore((s) => s.removedReplayResponse);
  const { undoRemoveReplayResponse, dismissRemovedReplayResponse } = usePlaygroundStore.getState();
  const [error, setError] = useState<string>();
  if (!removed) return null;
  const undo = () => {
    const result = undoRemoveReplayResponse();
    setError(result.ok ? undefined : result.problems[0]?.message);
  };
  return (
    <Notice
      tone="info"
      testId="replay-response-removed"
      actions={
        <>
          <button type="button" className="btn text-xs" onClick={undo}>
            Undo
          </button>
          <button type="button" className="btn text-xs" onClick={dismissRemovedReplayResponse}>
            Dismiss
          </button>
        </>
      }
    >
      Deleted response {removed.index + 1}.{error && ` It can’t be put back: ${error}`}
    </Notice>
  );
}
