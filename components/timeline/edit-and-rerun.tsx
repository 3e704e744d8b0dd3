'use client';
// `Edit and re-run from here`: change what the model answered at a finished step and run a fork from it (the steps
// before replay their recorded answers, re-running their code; the edited one comes next; then the header's model).
import { useId, useRef, useState } from 'react';
import { forkPrefix, parseEditedToolCalls, toolCallsAsJson } from '@/lib/agent/fork';
import type { AgentRunState, StepState } from '@/lib/agent/run-state';
import type { ModelResponse } from '@/lib/models/types';
import { useLibraryStore } from '@/lib/store/library-store';
import { useRunHistoryStore } from '@/lib/store/run-history-store';
import { runOpenPlayground } from '@/lib/store/run-playground';
import { useRunStore } from '@/lib/store/run-store';

/** Whether step `step` of `run` can be re-run from: a finished top-level step of the first task. */
export function canRerunFrom(step: StepState, run: AgentRunState): boolean {
  const followUpFrom = run.tasks[1]?.fromStep;
  return !step.parent && step.modelDone && run.status !== 'running' && (followUpFrom === undefined || step.index < followUpFrom);
}

export function EditAndRerun({ step, run }: { step: StepState; run: AgentRunState }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const show = () => {
    setOpen(true);
    dialogRef.current?.showModal();
  };
  return (
    <>
      <button type="button" className="btn text-xs" aria-haspopup="dialog" onClick={show}>
        Edit and re-run from here
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="card m-auto w-[min(48rem,calc(100vw-2rem))] p-4 text-zinc-900 backdrop:bg-black/40 dark:text-zinc-100"
      >
        <h2 id={titleId} className="mb-1 text-base font-semibold">
          Edit step {step.index} and re-run from here
        </h2>
        {open && <EditForm step={step} run={run} close={() => dialogRef.current?.close()} />}
      </dialog>
    </>
  );
}

function EditForm({ step, run, close }: { step: StepState; run: AgentRunState; close: () => void }) {
  // In the text tool call format the calls are part of the text: the re-run reads them from it, so the text is what to edit.
  const textCalls = run.agentType === 'tool-calling' && run.toolCallFormat === 'text' && step.kind === 'action';
  const toolCalling = run.agentType === 'tool-calling' && !textCalls && step.kind === 'action';
  const [text, setText] = useState(step.modelOutput);
  const [calls, setCalls] = useState(() => toolCallsAsJson(step.modelToolCalls));
  const [problem, setProblem] = useState<string>();
  const textId = useId();
  const callsId = useId();
  const problemId = useId();
  const textLabel =
    step.kind === 'planning' ? 'Plan' : toolCalling ? 'Text (optional)' : textCalls ? 'Model output (text and JSON tool calls)' : 'Model output (text and code)';

  const rerun = () => {
    const now = useRunStore.getState();
    if (now.phase !== 'idle') return setProblem('A run is going: stop it first.');
    if (now.itemId !== useLibraryStore.getState().currentId) return setProblem('This run belongs to another playground: open that one to re-run from here.');
    let edited: ModelResponse = { text };
    if (toolCalling) {
      const parsed = parseEditedToolCalls(calls);
      if (!parsed.ok) return setProblem(parsed.message);
      edited = { text, toolCalls: parsed.toolCalls };
    }
    try {
      const fork = forkPrefix(now.events, step.index, edited);
      // The run forked stays in Runs (a run shown from a link or a file is kept now, so the fork can link back to it).
      const history = useRunHistoryStore.getState();
      if (now.itemId && !history.runs.some((r) => r.id === fork.of.runId)) void history.save(now.events, now.itemId, { fingerprint: now.fingerprint });
      close();
      runOpenPlayground(fork);
    } catch (error) {
      setProblem(`This step can’t be re-run from: ${(error as Error).message}.`);
    }
  };

  return (
    <div className="space-y-3 text-sm">
      <p className="muted">
        {step.index > 1 ? `Steps 1–${step.index - 1} replay their recorded answers (their code runs again, so the sandbox is as it was); ` : ''}
        this step uses what you write here; after it, the model chosen in the header goes on. The run you see now stays in Runs.
      </p>
      <div className="space-y-1">
        <label htmlFor={textId} className="font-medium">
          {textLabel}
        </label>
        <textarea id={textId} className="field h-56 w-full font-mono text-xs" value={text} onChange={(e) => setText(e.target.value)} autoFocus={!toolCalling} spellCheck={false} />
      </div>
      {toolCalling && (
        <div className="space-y-1">
          <label htmlFor={callsId} className="font-medium">
            Tool calls (JSON)
          </label>
          <textarea
            id={callsId}
            className="field h-56 w-full font-mono text-xs"
            value={calls}
            onChange={(e) => {
              setCalls(e.target.value);
              setProblem(undefined);
            }}
            autoFocus
            spellCheck={false}
            aria-describedby={problem ? problemId : undefined}
            aria-invalid={problem ? true : undefined}
          />
        </div>
      )}
      {problem && (
        <p id={problemId} role="alert" className="text-red-800 dark:text-red-300">
          {problem}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="button" className="btn-primary" onClick={rerun}>
          Re-run
        </button>
      </div>
    </div>
  );
}
