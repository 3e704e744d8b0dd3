'use client';
// The sandbox choice (QuickJS or a WebContainer), the WebContainer's status as it boots and installs, the npm
// packages the code may import, and the way back to QuickJS when the WebContainer can't run here.
import { useEffect, useId, useRef, useState } from 'react';
import { sandboxSettingsSchema, type SandboxSettings as SandboxDoc } from '@/lib/playground/schema';
import { describeStatus, isBusy, type WebContainerStatus } from '@/lib/sandbox/webcontainer/webcontainer-status';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { runOpenPlayground } from '@/lib/store/run-playground';
import { useSandboxStatusStore } from '@/lib/store/sandbox-status-store';
import { acceptForCurrent } from '@/lib/store/trust-store';
import { packageAddressId, WEBCONTAINER_ADDRESS_ID } from '@/lib/trust/contact-addresses';
import { BootCountdown } from './boot-countdown';

const packagesSchema = sandboxSettingsSchema.shape.packages.unwrap();

export function SandboxSettings() {
  const kind = usePlaygroundStore((s) => s.doc.sandbox.kind);
  const packageCount = usePlaygroundStore((s) => s.doc.sandbox.packages.length);
  const updateSandbox = usePlaygroundStore((s) => s.updateSandbox);
  const warmUp = useSandboxStatusStore((s) => s.warmUp);
  const busy = useRunStore((s) => s.phase !== 'idle');
  const selectId = useId();
  const helpId = useId();
  const choose = (next: SandboxDoc['kind']) => {
    updateSandbox({ kind: next });
    // Choosing it is the person's go-ahead to reach StackBlitz: boot now, so the status is known before Run.
    if (next === 'webcontainer') {
      acceptForCurrent([WEBCONTAINER_ADDRESS_ID]);
      warmUp();
    }
  };
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={selectId} className="label block">
          Sandbox
        </label>
        <select id={selectId} className="field max-w-72" value={kind} disabled={busy} aria-describedby={helpId} onChange={(e) => choose(e.target.value as SandboxDoc['kind'])}>
          <option value="quickjs">QuickJS (WebAssembly, offline)</option>
          <option value="webcontainer">WebContainer (Node.js in the browser)</option>
        </select>
        <p id={helpId} className="muted text-xs">
          {kind === 'quickjs'
            ? 'Runs in this page, offline, with memory and time limits. No npm packages.'
            : 'Node.js from StackBlitz’s WebContainer: needs their servers and a cross-origin isolated page. The code may import the packages listed below.'}
        </p>
      </div>
      {kind === 'webcontainer' ? (
        <>
          <WebContainerStatusLine />
          <PackagesEditor />
        </>
      ) : (
        packageCount > 0 && <p className="muted text-xs">The {packageCount} npm package(s) listed for the WebContainer are not available on QuickJS.</p>
      )}
    </div>
  );
}

const TONE: Record<WebContainerStatus['state'], string> = {
  idle: 'border-zinc-200 dark:border-zinc-700',
  'checking-isolation': 'border-sky-300 dark:border-sky-800',
  booting: 'border-sky-300 dark:border-sky-800',
  installing: 'border-sky-300 dark:border-sky-800',
  ready: 'border-green-300 dark:border-green-800',
  unavailable: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
};

/** The WebContainer's status (announced politely as it changes), with progress and, when it can't run, the way out. */
export function WebContainerStatusLine() {
  const status = useSandboxStatusStore((s) => s.webContainer);
  const warmUp = useSandboxStatusStore((s) => s.warmUp);
  const box = useRef<HTMLDivElement>(null);
  const unavailable = status.state === 'unavailable';
  useEffect(() => {
    // A run was refused (the Settings tab opened for it) or the boot just failed: bring the reason and the way out into view.
    if (unavailable) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [unavailable]);
  return (
    <div ref={box} data-testid="webcontainer-status" data-state={status.state} className={`space-y-2 rounded-md border px-3 py-2 text-sm ${TONE[status.state]}`}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <p role="status" aria-live="polite" aria-atomic="true">
          <span className="font-medium">WebContainer: </span>
          {describeStatus(status)}
        </p>
        {status.state === 'booting' && <BootCountdown status={status} />}
      </div>
      {isBusy(status) && (
        <progress
          className="h-1.5 w-full"
          aria-label="WebContainer progress"
          {...(status.state === 'installing' && status.done > 0 ? { value: status.done, max: status.total } : {})}
        />
      )}
      {status.state === 'idle' && (
        <button
          type="button"
          className="btn text-xs"
          onClick={() => {
            acceptForCurrent([WEBCONTAINER_ADDRESS_ID]);
            warmUp();
          }}
        >
          Start it now
        </button>
      )}
      {status.state === 'unavailable' && status.scope === 'boot' && (
        <div className="flex flex-wrap items-center gap-2">
          <RetryWebContainerButton />
          <RunOnQuickJsButton />
          <UseQuickJsButton />
        </div>
      )}
    </div>
  );
}

/** One click: switch this playground to QuickJS and run it. For the status line, and for a failed start's notice. */
export function RunOnQuickJsButton() {
  const idle = useRunStore((s) => s.phase === 'idle');
  const run = () => {
    const { updateSandbox } = usePlaygroundStore.getState();
    updateSandbox({ kind: 'quickjs' });
    runOpenPlayground();
  };
  return (
    <button type="button" className="btn-primary text-xs" onClick={run} disabled={!idle}>
      Run on QuickJS
    </button>
  );
}

/**
 * After a failed boot: boots the WebContainer again, with the same countdown. With `thenRun` (a failed start's notice)
 * the playground runs again too, and starts once the container is up.
 */
export function RetryWebContainerButton({ thenRun = false }: { thenRun?: boolean }) {
  const idle = useRunStore((s) => s.phase === 'idle');
  const retry = () => {
    void useSandboxStatusStore.getState().retry();
    if (thenRun) runOpenPlayground();
  };
  return (
    <button type="button" className="btn text-xs" onClick={retry} disabled={!idle}>
      Retry
    </button>
  );
}

/** Switches this playground to QuickJS without running. */
export function UseQuickJsButton() {
  const idle = useRunStore((s) => s.phase === 'idle');
  return (
    <button type="button" className="btn text-xs" onClick={() => usePlaygroundStore.getState().updateSandbox({ kind: 'quickjs' })} disabled={!idle}>
      Use QuickJS
    </button>
  );
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const splitPackages = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** One package per line; a list that breaks the schema stays in the box with the message, and is not saved. */
function PackagesEditor() {
  const packages = usePlaygroundStore((s) => s.doc.sandbox.packages);
  const updateSandbox = usePlaygroundStore((s) => s.updateSandbox);
  const [draft, setDraft] = useState(() => packages.join('\n'));
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(packages);
  const boxId = useId();
  const errorId = useId();
  const helpId = useId();
  // The list changed elsewhere (an example, an import, undo): show it, unless the box already says the same.
  if (shown !== packages) {
    setShown(packages);
    if (!sameList(splitPackages(draft), packages)) {
      setDraft(packages.join('\n'));
      setError(undefined);
    }
  }
  const onChange = (text: string) => {
    setDraft(text);
    const list = splitPackages(text);
    const parsed = packagesSchema.safeParse(list);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const index = issue.path[0];
      setError(
        typeof index === 'number' ? `“${list[index]}” ${issue.message}.` : issue.code === 'too_big' ? `At most ${issue.maximum} packages.` : `${issue.message}.`,
      );
      return;
    }
    setError(undefined);
    if (sameList(parsed.data, packages)) return;
    // Packages typed by hand count as accepted for a playground from outside.
    acceptForCurrent(parsed.data.map(packageAddressId));
    updateSandbox({ packages: parsed.data });
  };
  return (
    <div className="space-y-1">
      <label htmlFor={boxId} className="label block">
        npm packages the code may import (one per line)
      </label>
      <textarea
        id={boxId}
        className="field min-h-16 font-mono"
        value={draft}
        spellCheck={false}
        placeholder={'lodash\ndate-fns@4.1.0'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${helpId}` : helpId}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={errorId} className="text-xs text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      <p id={helpId} className="muted text-xs">
        Installed in the WebContainer with npm before the run. Importing any other package fails with a clear error.
      </p>
    </div>
  );
}
