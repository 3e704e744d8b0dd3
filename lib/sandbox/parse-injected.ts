// The faults a sandbox says it injected into a tool call (JSON text from the prelude), kept only when well formed.
import type { InjectedFault } from '../tools/tool-faults';

export function parseInjected(text: string | undefined): InjectedFault[] | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const out: InjectedFault[] = [];
  for (const f of value as Record<string, unknown>[]) {
    if (f?.kind === 'fail' && typeof f.message === 'string') out.push({ kind: 'fail', message: f.message });
    else if (f?.kind === 'slow' && typeof f.delayMs === 'number') out.push({ kind: 'slow', delayMs: f.delayMs });
    else if (f?.kind === 'junk') out.push({ kind: 'junk' });
    else if (f?.kind === 'inject' && typeof f.text === 'string') out.push({ kind: 'inject', text: f.text });
  }
  return out.length > 0 ? out : undefined;
}
