// The files this browser exported (playgrounds and traces), by the digest of their content, so importing one of them
// again opens it as the person's own. Only digests are kept, in this browser: nothing is added to the files, so a
// file sent to someone carries nothing that could make another file pass as this browser's (a copied id would).
import { contentDigest } from '../playground/content-digest';
import type { Playground } from '../playground/schema';
import type { Trace } from '../trace/trace';

export const OWN_EXPORTS_KEY = 'agent-playground:own-exports';
const FORMAT = 1;
/** The newest exports remembered; older ones import as from someone else again. */
export const MAX_OWN_EXPORTS = 200;

export type ExportedContent = { kind: 'playground'; playground: Playground } | { kind: 'trace'; trace: Trace };

/** The digest of what a file holds once read (so the same file gives the same digest however its JSON is laid out). */
export function exportDigest(content: ExportedContent): string {
  return contentDigest(content.kind === 'trace' ? { trace: content.trace } : { playground: content.playground });
}

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

function read(): string[] {
  try {
    const data = JSON.parse(storage()?.getItem(OWN_EXPORTS_KEY) ?? 'null') as { version?: unknown; digests?: unknown } | null;
    if (!data || data.version !== FORMAT || !Array.isArray(data.digests)) return [];
    return data.digests.filter((d): d is string => typeof d === 'string');
  } catch {
    return [];
  }
}

/** Remembers an export; when storage refuses, the file simply imports as anyone else's would. */
export function rememberExport(content: ExportedContent): void {
  const digest = exportDigest(content);
  const digests = [...read().filter((d) => d !== digest), digest].slice(-MAX_OWN_EXPORTS);
  try {
    storage()?.setItem(OWN_EXPORTS_KEY, JSON.stringify({ version: FORMAT, digests }));
  } catch {
    // Not remembered: safe, it only means a later import asks for review.
  }
}

/** Whether this browser exported exactly this content. */
export function isOwnExport(content: ExportedContent): boolean {
  return read().includes(exportDigest(content));
}
