// The one WebContainer host of this page, booting the real WebContainer (once per page) with the kernel program.
//
// Boot timeout: 20 s by default. For tests and slow networks it can be set per browser, explicitly, in local storage:
//   localStorage.setItem('agent-playground:webcontainer-boot-timeout-ms', '2000')
// It is read when each boot starts (the first run on WebContainer, choosing it, or Retry).
//
// Retry: WebContainer allows one boot per page, and a boot that never got StackBlitz's answer stays pending (its
// hidden frame failed to load), with every later WebContainer.boot waiting behind it. So a retry after a timeout
// reloads that frame and keeps waiting on the same boot, which completes once the frame answers; a retry after a boot
// that failed outright calls WebContainer.boot again.
import { createWebContainerHost, DEFAULT_BOOT_TIMEOUT_MS, type ContainerLike, type KernelProgram, type WebContainerHost } from './webcontainer-host';

export const BOOT_TIMEOUT_STORAGE_KEY = 'agent-playground:webcontainer-boot-timeout-ms';
const MIN_BOOT_TIMEOUT_MS = 100;
const MAX_BOOT_TIMEOUT_MS = 300_000;

/** The boot timeout set in this browser's local storage (see above), else the default. */
export function readBootTimeoutMs(): number {
  try {
    const raw = globalThis.localStorage?.getItem(BOOT_TIMEOUT_STORAGE_KEY);
    const value = raw ? Number(raw) : NaN;
    if (Number.isFinite(value)) return Math.min(MAX_BOOT_TIMEOUT_MS, Math.max(MIN_BOOT_TIMEOUT_MS, Math.round(value)));
  } catch {
    // Storage blocked: the default it is.
  }
  return DEFAULT_BOOT_TIMEOUT_MS;
}

/** The page's one boot: WebContainer.boot may be called once per page, and a second call waits behind a stuck first. */
let pageBoot: Promise<ContainerLike> | undefined;
let pageBootFailed = false;

function bootPageContainer(attempt: number): Promise<ContainerLike> {
  if (pageBoot && attempt > 1) {
    if (pageBootFailed) pageBoot = undefined;
    else reloadStackBlitzFrames();
  }
  if (!pageBoot) {
    pageBootFailed = false;
    const boot = import('@webcontainer/api').then(({ WebContainer }) => WebContainer.boot({ coep: 'require-corp', workdirName: 'playground' }));
    pageBoot = boot;
    boot.catch(() => {
      if (pageBoot === boot) pageBootFailed = true;
    });
  }
  return pageBoot;
}

/** Loads StackBlitz's hidden headless frame(s) of this page again: the pending boot waits for their hello. */
function reloadStackBlitzFrames(): void {
  if (typeof document === 'undefined') return;
  for (const frame of document.querySelectorAll('iframe')) {
    // Setting src navigates the frame again, even to the same address.
    const { src } = frame;
    if (isStackBlitzHeadless(src)) frame.src = src;
  }
}

/** Whether a frame's address is StackBlitz's headless WebContainer host. */
export function isStackBlitzHeadless(src: string): boolean {
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && (url.hostname === 'stackblitz.com' || url.hostname.endsWith('.stackblitz.com')) && url.pathname === '/headless';
  } catch {
    return false;
  }
}

/** The kernel program, in its own chunk: only a page that boots a WebContainer downloads it. */
async function loadKernel(): Promise<KernelProgram> {
  const { KERNEL_SOURCE, KERNEL_NODE_FLAGS } = await import('../kernel/kernel-source');
  return { source: KERNEL_SOURCE, nodeFlags: KERNEL_NODE_FLAGS };
}

let pageHost: WebContainerHost | undefined;

/** The page's WebContainer host, created on first use (creating it boots nothing). */
export function getPageWebContainerHost(): WebContainerHost {
  pageHost ??= createWebContainerHost({ boot: bootPageContainer, kernel: loadKernel, timeoutMs: readBootTimeoutMs });
  return pageHost;
}

/** Tests put a host over a stand-in container in the page's place. */
export function setPageWebContainerHost(host: WebContainerHost | undefined): void {
  pageHost = host;
}
