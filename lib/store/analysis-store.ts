// The live analysis of the document being edited (tool list, source errors, prompt sizes), computed in a worker.
import { create } from 'zustand';
import type { McpServerListing } from '../mcp/types';
import type { Playground } from '../playground/schema';
import type { PlaygroundAnalysis } from '../runner/analyze-playground';
import { getRunner } from './runner-connection';

export const ANALYSIS_DEBOUNCE_MS = 200;

export interface AnalysisStore {
  analysis?: PlaygroundAnalysis;
  /** The analysis shown is for an older version of the document. */
  stale: boolean;
  error?: string;
}

export const useAnalysisStore = create<AnalysisStore>(() => ({ stale: true }));

let timer: ReturnType<typeof setTimeout> | undefined;
let runnerWarmed = false;
let latest = 0;
let lastKey = '';

/** What the analysis depends on: edits elsewhere (task, title, limits) do not trigger a new one. */
function keyOf(doc: Playground, mcp: McpServerListing[]): string {
  const { type, managedAgents, instructions, promptTemplates } = doc.agent;
  return JSON.stringify([doc.tools, type, managedAgents.map((m) => [m.name, m.description]), instructions, promptTemplates, mcp]);
}

/** Asks for a fresh analysis of the document with its MCP servers' tools as last listed, after a short pause in typing. */
export function scheduleAnalysis(doc: Playground, mcp: McpServerListing[] = []): void {
  const key = keyOf(doc, mcp);
  if (key === lastKey) return;
  lastKey = key;
  const request = ++latest;
  useAnalysisStore.setState({ stale: true });
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    getRunner('analysis')
      .analyze(doc, mcp)
      .then(
        (analysis) => request === latest && useAnalysisStore.setState({ analysis, stale: false, error: undefined }),
        (error: unknown) => request === latest && useAnalysisStore.setState({ stale: false, error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(warmRunner);
  }, ANALYSIS_DEBOUNCE_MS);
}

/**
 * Once the first analysis is back (the page has settled and the runner's code is in the browser's cache), the run
 * worker starts too and loads the compiler and QuickJS, so the first Run does not wait for them.
 */
function warmRunner(): void {
  if (runnerWarmed) return;
  runnerWarmed = true;
  getRunner('run');
}
