// Setting or removing one tool's faults in a document; a document with none left has no `faults` at all.
import type { Playground, ToolFaultsSettings } from './schema';

export function withToolFaults(doc: Playground, tool: string, faults: ToolFaultsSettings | undefined): Playground {
  const rest = Object.fromEntries(Object.entries(doc.faults ?? {}).filter(([name]) => name !== tool));
  const next = faults ? { ...rest, [tool]: faults } : rest;
  const { faults: _old, ...without } = doc;
  return Object.keys(next).length > 0 ? { ...without, faults: next } : without;
}
