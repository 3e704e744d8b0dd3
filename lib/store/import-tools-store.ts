// "Import tools from a link" (Tools tab): loads a shared playground (published id, /p/ address or share link), offers
// its tools as the model would see them, untrusted and never run, and appends the chosen ones to this playground's
// tools, each under a comment naming the link. Only the tools: the link's model, servers and settings are left out.
import { create } from 'zustand';
import type { Playground } from '../playground/schema';
import type { OfferedTool } from '../runner/offer-shared-tools';
import { loadShared } from '../share/load-shared';
import { usePlaygroundStore } from './playground-store';

// The analysis and the code extraction need the TypeScript compiler: loaded on demand, the first time a link is read.
const offerModule = () => import('../runner/offer-shared-tools');

export interface ImportToolsState {
  input: string;
  phase: 'idle' | 'loading' | 'ready';
  /** Why the link could not be read (the input is kept). */
  error?: string;
  /** Where the offered tools come from, as the comments will say. */
  from?: string;
  /** The loaded playground, from outside: only its tools source is ever used. */
  shared?: Playground;
  offered: OfferedTool[];
  /** Problems in the link's tools source (tools with problems are not offered). */
  sourceProblems: string[];
  chosen: string[];
  /** Why the chosen tools can't be added as they are (name clashes). */
  problems: string[];
  /** What the last Add did. */
  notice?: string;
}

export interface ImportToolsStore extends ImportToolsState {
  setInput: (input: string) => void;
  /** `baseUrl`: where a bare published id is looked up (default: this app's own address). */
  load: (options?: { baseUrl?: string; fetch?: typeof fetch }) => Promise<void>;
  toggle: (tool: string, on: boolean) => void;
  /** Appends the chosen tools to the current playground's tools source; false when nothing was added. */
  add: () => Promise<boolean>;
  reset: () => void;
}

const EMPTY: ImportToolsState = { input: '', phase: 'idle', offered: [], sourceProblems: [], chosen: [], problems: [] };

let request = 0;

export const useImportToolsStore = create<ImportToolsStore>((set, get) => {
  /** The clashes of the current choice with the current playground, shown before Add is pressed. */
  const check = async (chosen: string[]) => {
    const { shared, from } = get();
    if (!shared || !from || chosen.length === 0) return [];
    const { importChosenTools } = await offerModule();
    const result = importChosenTools(shared, chosen, usePlaygroundStore.getState().doc, from);
    return result.ok ? [] : result.problems;
  };

  return {
    ...EMPTY,
    setInput: (input) => set({ input, error: undefined }),
    async load(options = {}) {
      const mine = ++request;
      const baseUrl = options.baseUrl ?? (typeof location === 'undefined' ? undefined : location.origin);
      set({ phase: 'loading', error: undefined, notice: undefined, offered: [], chosen: [], problems: [], sourceProblems: [], shared: undefined, from: undefined });
      const loaded = await loadShared(get().input, { ...(baseUrl ? { baseUrl } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
      if (mine !== request) return;
      if (!loaded.ok) return set({ phase: 'idle', error: loaded.message });
      const { offerSharedTools } = await offerModule();
      if (mine !== request) return;
      const offer = offerSharedTools(loaded.payload.playground, usePlaygroundStore.getState().doc);
      if (offer.tools.length === 0) {
        return set({ phase: 'idle', error: `${capitalize(loaded.from)} has no tools to import${offer.problems.length ? ` (its tools source has problems: ${offer.problems[0]})` : ''}.` });
      }
      set({ phase: 'ready', shared: loaded.payload.playground, from: loaded.from, offered: offer.tools, sourceProblems: offer.problems });
    },
    async toggle(tool, on) {
      const chosen = get().offered.map((t) => t.name).filter((n) => (n === tool ? on : get().chosen.includes(n)));
      set({ chosen, notice: undefined });
      const problems = await check(chosen);
      if (get().chosen === chosen) set({ problems });
    },
    async add() {
      const { shared, from, chosen } = get();
      if (!shared || !from || chosen.length === 0) return false;
      const { importChosenTools, appendCode } = await offerModule();
      const playground = usePlaygroundStore.getState();
      const result = importChosenTools(shared, chosen, playground.doc, from);
      if (!result.ok) {
        set({ problems: result.problems });
        return false;
      }
      if (result.code) playground.setTools(appendCode(playground.doc.tools, result.code));
      const added = result.added.length ? `Added ${list(result.added)} to your tools, each under a comment saying where it came from. Read them before you run: they were written by someone else.` : '';
      const same = result.alreadyThere.length ? `${list(result.alreadyThere)} ${result.alreadyThere.length === 1 ? 'is' : 'are'} already in your tools, word for word.` : '';
      set({ ...EMPTY, notice: [added, same].filter(Boolean).join(' ') });
      return result.added.length > 0;
    },
    reset: () => {
      request++;
      set(EMPTY);
    },
  };
});

function list(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
