// Where the page's WebContainer stands, as plain data the UI shows: not started, checking, booting, installing the
// playground's packages, ready, or unavailable with the reason. The allowed moves between them are written down here.

export type WebContainerStatus =
  /** Nothing asked for it yet: it boots when a run needs it (or when the person chooses it). */
  | { state: 'idle' }
  | { state: 'checking-isolation' }
  | {
      state: 'booting';
      timeoutMs: number;
      /** When this boot started (epoch ms), so the UI can count down to `startedAt + timeoutMs`. */
      startedAt: number;
    }
  | {
      state: 'installing';
      packages: string[];
      /** Packages known to be in place, out of `total`. */
      done: number;
      total: number;
      /** The last meaningful line npm printed. */
      line?: string;
    }
  | { state: 'ready'; packages: string[] }
  | {
      state: 'unavailable';
      reason: string;
      /**
       * `boot`: the container itself could not start; Retry boots again (the only move out of it).
       * `packages`: the container runs, but the playground's packages could not be installed; fix the list and run again.
       */
      scope: 'boot' | 'packages';
    };

export type WebContainerState = WebContainerStatus['state'];

const MOVES: Record<WebContainerState, readonly WebContainerState[]> = {
  idle: ['checking-isolation'],
  'checking-isolation': ['booting', 'unavailable'],
  booting: ['ready', 'unavailable'],
  ready: ['installing', 'ready'],
  installing: ['installing', 'ready', 'unavailable'],
  unavailable: ['installing', 'ready'],
};

/** Whether the container may go from `from` to `to`. A failed boot is left only by booting again (Retry). */
export function canMove(from: WebContainerStatus, to: WebContainerStatus): boolean {
  if (from.state === 'unavailable' && from.scope === 'boot') return to.state === 'checking-isolation';
  if (to.state === 'unavailable' && to.scope === 'packages' && from.state !== 'installing') return false;
  return MOVES[from.state].includes(to.state);
}

/** Applies a move, refusing the ones the table does not allow (a bug in the caller, so it throws). */
export function move(from: WebContainerStatus, to: WebContainerStatus): WebContainerStatus {
  if (!canMove(from, to)) throw new Error(`WebContainer status cannot go from '${from.state}' to '${to.state}'`);
  return to;
}

/** A failed boot: the container does not come unless it boots again (Retry). */
export function isBootFailed(status: WebContainerStatus): boolean {
  return status.state === 'unavailable' && status.scope === 'boot';
}

/** Still on its way (checking, booting, installing). */
export function isBusy(status: WebContainerStatus): boolean {
  return status.state === 'checking-isolation' || status.state === 'booting' || status.state === 'installing';
}

/** One sentence for the status line. */
export function describeStatus(status: WebContainerStatus): string {
  switch (status.state) {
    case 'idle':
      return 'Not started: it boots when you run the playground.';
    case 'checking-isolation':
      return 'Checking that this page is cross-origin isolated…';
    case 'booting':
      return 'Starting WebContainer…';
    case 'installing': {
      const count = `${status.done}/${status.total}`;
      return `Installing packages (${count})${status.line ? `: ${status.line}` : '…'}`;
    }
    case 'ready':
      return status.packages.length > 0 ? `Ready, with ${status.packages.join(', ')}.` : 'Ready.';
    case 'unavailable':
      return status.scope === 'boot'
        ? `Unavailable: ${status.reason}`
        : `Packages not installed: ${status.reason}`;
  }
}

/** Whole seconds left before a boot gives up (rounded up, never below 0). */
export function secondsLeft(status: Extract<WebContainerStatus, { state: 'booting' }>, now: number): number {
  return Math.max(0, Math.ceil((status.startedAt + status.timeoutMs - now) / 1000));
}

/** The countdown shown beside a booting status: "18 s left". */
export function describeCountdown(status: Extract<WebContainerStatus, { state: 'booting' }>, now: number): string {
  return `${secondsLeft(status, now)} s left`;
}
