// The one WebContainer host of this page, booting the real WebContainer (once per page) with the kernel program.
//
// Boot timeout: 20 s by default. For tests and slow networks it can be set per browser, explicitly, in local storage:
//   localStorage.setItem('agent-playground:webcontainer-boot-timeout-ms', '2000')
// It is read when the boot starts (the first run on WebContainer, or choosing it). A boot that timed out or failed
// stays failed until the page is reloaded: WebContainer allows one boot per page, and a stuck one blocks the next.
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

function bootPageContainer(): Promise<ContainerLike> {
  pageBoot ??= import('@webcontainer/api').then(({ WebContainer }) => WebContainer.boot({ coep: 'require-corp', workdirName: 'playground' }));
  return pageBoot;
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
