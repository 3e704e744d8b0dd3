'use client';
// Share: a link to this playground (and its recorded run), its length, Copy; a file instead when the link is too long;
// Publish for a short link on the app's server.
import { useId, useMemo, useRef, useState } from 'react';
import { LINK_WARN_LENGTH } from '@/lib/share/share-link';
import { chooseStep } from '@/lib/share/step-numbers';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { useKeyStore } from '@/lib/store/key-store';
import { makeShareFile, runShareability, shareLinkFor } from '@/lib/store/share-store';
import { CopyButton } from '../ui/copy-button';
import { downloadText } from '../ui/download';
import { PublishSection } from './publish-section';
import { useLinkDictionary } from './use-link-dictionary';

const count = (n: number) => n.toLocaleString('en-US');

export function ShareDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const show = () => {
    setOpen(true);
    dialogRef.current?.showModal();
  };
  return (
    <>
      <button type="button" className="btn" aria-haspopup="dialog" onClick={show}>
        Share
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="card m-auto w-[min(40rem,calc(100vw-2rem))] p-4 text-zinc-900 backdrop:bg-black/40 dark:text-zinc-100"
      >
        <h2 id={titleId} className="mb-2 text-base font-semibold">
          Share this playground
        </h2>
        {open && <ShareBody />}
        <div className="mt-4 flex justify-end">
          <button type="button" className="btn" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}

function ShareBody() {
  const doc = usePlaygroundStore((s) => s.doc);
  const events = useRunStore((s) => s.events);
  const phase = useRunStore((s) => s.phase);
  const keys = useKeyStore((s) => s.keys);
  const shareable = useMemo(() => runShareability(events, doc, phase !== 'idle'), [events, doc, phase]);
  const hasRun = events.length > 0;
  const [includeRun, setIncludeRun] = useState(true);
  const withRun = includeRun && shareable.ok;
  const state = useRunStore((s) => s.state);
  const stepNumbers = useMemo(() => {
    const main = state.runs.find((r) => !r.parent);
    return main ? state.steps.filter((s) => s.runKey === main.key).map((s) => s.index) : [];
  }, [state]);
  const [stepText, setStepText] = useState('');
  const stepChoice = chooseStep(stepText, stepNumbers);
  const step = withRun ? stepChoice.step : undefined;
  const dictionary = useLinkDictionary();
  const link = useMemo(
    () => (dictionary.ready ? shareLinkFor(doc, withRun ? events : undefined, keys, location.origin, step) : undefined),
    [dictionary.ready, doc, events, withRun, keys, step],
  );
  const fieldId = useId();
  const stepId = useId();
  const stepHelpId = useId();
  const lengthId = useId();
  const reasonId = useId();

  return (
    <div className="space-y-3 text-sm">
      <p className="muted">
        Whoever opens the link gets a copy of this playground: its task, tools and settings{withRun ? ', and the recorded run, which they can replay with no key' : ''}. Nothing runs until they press Run. API keys are
        never included.
      </p>
      {hasRun && (
        <div>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={withRun} disabled={!shareable.ok} aria-describedby={shareable.ok ? undefined : reasonId} onChange={(e) => setIncludeRun(e.target.checked)} />
            Include the recorded run
          </label>
          {!shareable.ok && (
            <p id={reasonId} className="muted ml-6 text-xs">
              {shareable.reason}
            </p>
          )}
        </div>
      )}
      {withRun && stepNumbers.length > 0 && (
        <div className="space-y-1">
          <label htmlFor={stepId} className="label block">
            Open at step
          </label>
          <input
            id={stepId}
            inputMode="numeric"
            value={stepText}
            placeholder="the start"
            aria-invalid={stepChoice.problem ? true : undefined}
            aria-describedby={stepHelpId}
            onChange={(e) => setStepText(e.target.value)}
            className="field w-28"
          />
          <p id={stepHelpId} className={`text-xs ${stepChoice.problem ? 'text-red-800 dark:text-red-300' : 'muted'}`} data-testid="share-step-help">
            {stepChoice.problem
              ? `${stepChoice.problem} The link below opens at the start.`
              : stepChoice.step
                ? `The link opens the run at step ${stepChoice.step}, with its model input shown.`
                : 'Empty: the link opens the run at its start.'}
          </p>
        </div>
      )}
      {link === undefined ? (
        dictionary.error ? (
          <p role="alert" className="text-red-800 dark:text-red-300">
            {dictionary.error}
          </p>
        ) : (
          <p role="status" className="muted">
            Preparing the link…
          </p>
        )
      ) : link.ok ? (
        <>
          <div className="space-y-1">
            <label htmlFor={fieldId} className="label block">
              Link
            </label>
            <div className="flex items-center gap-2">
              <input id={fieldId} readOnly value={link.url} aria-describedby={lengthId} className="field font-mono text-xs" onFocus={(e) => e.target.select()} />
              {!link.tooLong && <CopyButton text={link.url} label="Copy the link" />}
            </div>
            <p id={lengthId} className="muted text-xs" data-testid="link-length">
              {count(link.length)} characters
            </p>
          </div>
          {link.tooLong && <TooLong length={link.length} withRun={withRun} />}
        </>
      ) : (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {link.message}
        </p>
      )}
      <PublishSection withRun={withRun} />
    </div>
  );
}

function TooLong({ length, withRun }: { length: number; withRun: boolean }) {
  const [error, setError] = useState<string>();
  const download = () => {
    const file = makeShareFile(withRun);
    if (file.ok) downloadText(file.name, file.text);
    else setError(file.message);
  };
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p>
        This link is {count(length)} characters long. Past {count(LINK_WARN_LENGTH)}, chat apps, mail and some servers cut links short. Send the
        {withRun ? ' trace' : ' playground'} as a file instead: it opens with Import.
      </p>
      <button type="button" className="btn" onClick={download}>
        Download as a file
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
