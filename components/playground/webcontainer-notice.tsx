'use client';
// The WebContainer in the notices above the playground: while a run waits for it to boot, a countdown; when it could
// not boot, the ways on (Retry, Run on QuickJS) beside the reason in the failed start's notice.
import type { WebContainerStatus } from '@/lib/sandbox/webcontainer/webcontainer-status';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { WEBCONTAINER_UNAVAILABLE } from '@/lib/store/runner-connection';
import { useRunStore } from '@/lib/store/run-store';
import { useSandboxStatusStore } from '@/lib/store/sandbox-status-store';
import { BootCountdown } from '../panels/boot-countdown';
import { RetryWebContainerButton, RunOnQuickJsButton } from '../panels/sandbox-settings';
import { Notice } from '../ui/notice';

type Booting = Extract<WebContainerStatus, { state: 'booting' }>;

/** The boot a run is waiting for, if one is. */
export function useRunWaitingForBoot(): WebContainerStatus | undefined {
  const running = useRunStore((s) => s.phase === 'running');
  const onWebContainer = usePlaygroundStore((s) => s.doc.sandbox.kind === 'webcontainer');
  const status = useSandboxStatusStore((s) => s.webContainer);
  const waiting = running && onWebContainer && (status.state === 'checking-isolation' || status.state === 'booting');
  return waiting ? status : undefined;
}

export function WebContainerBootNotice({ status }: { status: WebContainerStatus }) {
  return (
    <Notice tone="info" testId="webcontainer-boot-notice">
      Starting WebContainer (its runtime comes from StackBlitz)…{' '}
      {status.state === 'booting' && <BootCountdown status={status as Booting} />}
    </Notice>
  );
}

/** Whether a failed start's error is a WebContainer that could not boot. */
export function isWebContainerBootError(startError: string): boolean {
  return startError.startsWith(WEBCONTAINER_UNAVAILABLE);
}

/** Retry (boots again and runs) and Run on QuickJS, for the failed start's notice. */
export function WebContainerFailureActions() {
  return (
    <>
      <RetryWebContainerButton thenRun />
      <RunOnQuickJsButton />
    </>
  );
}
