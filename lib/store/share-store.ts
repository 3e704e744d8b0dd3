// Sharing: opening a share link, making one, and playgrounds and runs as files (export and import).
// Whatever leaves the browser is built from the playground document and the run's events only: API keys live in the
// key store and never enter either; as a second guard, nothing is handed out while it contains a key this browser holds.
import { create } from 'zustand';
import type { AgentEvent } from '../agent/events';
import { foldEvents } from '../agent/run-state';
import { PROVIDERS } from '../models/presets';
import { formatProblems, parsePlayground } from '../playground/parse-playground';
import type { Playground } from '../playground/schema';
import { readHash, stepHash } from '../share/hash-params';
import { linkDictionariesReady, linkReaderFailed, loadLinkDictionaries } from '../share/link-dictionary';
import { decodeShareHash, LINK_WARN_LENGTH, shareUrl, type SharePayload } from '../share/share-link';
import { describeLimitProblem, parseJsonWithinLimits, STRUCTURAL_LIMITS } from '../share/structural-limits';
import { otlpFromEvents, otlpOptionsFor, type OtlpExport } from '../trace/otlp';
import { parseTrace, replayPlaygroundFromTrace, traceFromEvents, type Trace } from '../trace/trace';
import { contentDigest } from '../playground/content-digest';
import { readPublishedPayload } from '../trace/published-payload';
import { useKeyStore } from './key-store';
import { otlpHeaderSecrets } from './otlp-store';
import { hydrateLibrary, newItemId, useLibraryStore } from './library-store';
import { isOwnExport, rememberExport } from './own-exports';
import { useStepFocusStore } from './step-focus-store';
import { isProviderModel } from '../models/presets';
import { usePlaygroundStore, type SavedPlayground } from './playground-store';
import { useRunStore } from './run-store';
import { useTrustStore } from './trust-store';

/** Files bigger than this are refused before they are read (share links have the same limit once unpacked). */
export const MAX_IMPORT_BYTES = STRUCTURAL_LIMITS.maxJsonBytes;
const FILE_WORDING = { subject: 'it', plural: 'playground and trace files' };

export interface SharedBanner {
  /** The library item it was opened as: the banner shows while that item is open. */
  itemId: string;
  source: 'link' | 'playground-file' | 'trace-file';
  /** The model that recorded the run (`openai:gpt-4.1-mini`, `replay` …), when the model now replays a recording. */
  recordedWith?: string;
  /** The timeline shows the recorded run. */
  timeline: boolean;
  /** The playground's own model, kept aside while it replays (choose it under Model to run live). */
  keptModel?: string;
}

export interface ShareNotice {
  tone: 'error' | 'warning' | 'info';
  message: string;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

export interface ShareStore {
  banner?: SharedBanner;
  notice?: ShareNotice;
  /** Opens a `#share=…` hash: broken → a notice, and nothing else changes. True when its playground opened. */
  openLink: (hash: string) => boolean;
  /** Opens a published record's payload (`/p/<id>`) exactly as a link with that payload opens. */
  openPublished: (payload: unknown) => boolean;
  /** Imports a playground or trace file's text (null: the file is over MAX_IMPORT_BYTES and was not read). */
  importFile: (name: string, text: string | null) => void;
  dismissBanner: () => void;
  dismissNotice: () => void;
}

// ---- Pure pieces -------------------------------------------------------------------------------------------------

/** The slots of the keys in `keys` that appear in `text`. */
export function findKeyLeaks(text: string, keys: Record<string, string>): string[] {
  return Object.entries(keys)
    .filter(([, key]) => key.length >= 8 && (text.includes(key) || text.includes(JSON.stringify(key).slice(1, -1))))
    .map(([slot]) => slot);
}

function leakMessage(slots: string[], what: string): string {
  return (
    `The ${slots.every((s) => s.startsWith('the OpenTelemetry header')) ? 'value' : 'API key'} you entered for ${slots.join(', ')} appears in this playground (its task, tools, instructions or recorded run), ` +
    `so ${what} was not made: keys never leave this browser. Remove the key from the playground and try again.`
  );
}

/** Whether the run shown can travel with `doc`: it must be over, and made from its task and agent type (no `doc`: any finished run). */
export function runShareability(events: readonly AgentEvent[], doc: Playground | undefined, running: boolean): { ok: true } | { ok: false; reason: string } {
  const start = events.find((e) => e.type === 'run_start' && !e.parent);
  if (!start || start.type !== 'run_start') return { ok: false, reason: 'There is no recorded run: press Run first.' };
  if (running) return { ok: false, reason: 'The run is still going.' };
  if (doc && (start.task !== doc.task || start.agentType !== doc.agent.type)) {
    return { ok: false, reason: 'The run shown was made with another task or agent type: run this playground again to include its run.' };
  }
  return { ok: true };
}

/** What opening a recorded run puts in the library: the playground, its model replaying the recorded turns, its own model kept aside. */
export function replayOpening(trace: Trace): { saved: SavedPlayground; recordedWith: string; keptModel?: string } {
  const original = trace.playground;
  const replayed = replayPlaygroundFromTrace(trace);
  // A recorded replay keeps its pace (bundled examples stream at a watchable speed).
  if (original.model.provider === 'replay' && replayed.model.provider === 'replay') replayed.model.delayMs = original.model.delayMs;
  const replay = parsePlayground(replayed);
  const doc = replay.ok ? replay.playground : original;
  const kept = isProviderModel(original.model) ? original.model : undefined;
  return {
    saved: { doc, ...(kept ? { providerStash: { [kept.provider]: kept } } : {}) },
    recordedWith: trace.model,
    ...(kept ? { keptModel: `${PROVIDERS[kept.provider].label} (${kept.model})` } : {}),
  };
}

/** A run's events from outside must fold into one main run. */
function checkEventsHangTogether(events: readonly AgentEvent[]): string | undefined {
  try {
    const state = foldEvents(events);
    if (events.length > 0 && !state.runs.some((r) => !r.parent)) return 'its events have no run start';
  } catch {
    return 'its events are out of order';
  }
  return undefined;
}

export type ImportedFile = Outcome<{ kind: 'playground'; playground: Playground } | { kind: 'trace'; trace: Trace }>;

/** Reads an imported file: a playground or a trace. The message names the file and every bad field. */
export function readImportFile(name: string, text: string | null): ImportedFile {
  const fail = (message: string): ImportedFile => ({ ok: false, message: `“${name}” could not be imported: ${message}` });
  if (text === null) return fail(describeLimitProblem({ limit: 'size', bytes: MAX_IMPORT_BYTES + 1, max: MAX_IMPORT_BYTES }, FILE_WORDING));
  // The same limits as share links (size, depth, list lengths), checked on the text before it is parsed.
  const read = parseJsonWithinLimits(text, FILE_WORDING);
  if (!read.ok) return fail(read.message);
  const json = read.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('it is not a playground or a trace (those are JSON objects).');
  if ('resourceSpans' in json) {
    return fail('it is an OpenTelemetry export, which Phoenix, Langfuse or Jaeger read; to open a run here, import its trace JSON instead.');
  }
  if ('steps' in json || 'events' in json || 'playground' in json) {
    let trace: Trace;
    try {
      trace = parseTrace(json);
    } catch (error) {
      return fail(`it looks like a trace, but ${(error as Error).message.replace(/^not a valid trace:/, 'these fields are wrong:')}`);
    }
    const broken = trace.events && checkEventsHangTogether(trace.events);
    if (broken) return fail(`the run in this trace does not hang together (${broken}).`);
    return { ok: true, kind: 'trace', trace };
  }
  const parsed = parsePlayground(json);
  if (!parsed.ok) return fail(`it is not a valid playground. What is wrong:\n${formatProblems(parsed.problems)}`);
  return { ok: true, kind: 'playground', playground: parsed.playground };
}

export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'playground'
  );
}

export type ExportKind = 'playground' | 'trace' | 'otlp';

/** The text of an export, built from the document and the run's events only. */
export function exportText(kind: ExportKind, doc: Playground, events: readonly AgentEvent[]): { name: string; text: string } {
  const slug = fileSlug(doc.title);
  if (kind === 'playground') return { name: `${slug}.playground.json`, text: `${JSON.stringify(doc, null, 2)}\n` };
  if (kind === 'trace') return { name: `${slug}.trace.json`, text: `${JSON.stringify(traceFromEvents(doc, events), null, 2)}\n` };
  return { name: `${slug}.otlp.json`, text: `${JSON.stringify(otlpFromEvents(events, otlpOptionsFor(doc)), null, 2)}\n` };
}

// ---- Bound to the stores -----------------------------------------------------------------------------------------

const running = () => useRunStore.getState().phase !== 'idle';

/** Whether the current run can go into a link or a trace, and if not, why. */
export function currentRunShareability(): { ok: true } | { ok: false; reason: string } {
  const { events } = useRunStore.getState();
  return runShareability(events, usePlaygroundStore.getState().doc, running());
}

export interface ShareLink {
  url: string;
  length: number;
  /** Past LINK_WARN_LENGTH: offer a file instead. */
  tooLong: boolean;
  withRun: boolean;
}

/** A link to `doc` (with the run's events, if given), or why it can't be made: never while it contains one of `keys`. */
/** `step`: the link opens its run at that step. */
export function shareLinkFor(doc: Playground, runEvents: readonly AgentEvent[] | undefined, keys: Record<string, string>, origin: string, step?: number): Outcome<ShareLink> {
  const payload: SharePayload = { playground: doc, ...(runEvents ? { run: { events: [...runEvents] } } : {}) };
  const leaks = findKeyLeaks(JSON.stringify(payload), keys);
  if (leaks.length) return { ok: false, message: leakMessage(leaks, 'the link') };
  const url = shareUrl(origin, payload, runEvents ? step : undefined);
  return { ok: true, url, length: url.length, tooLong: url.length > LINK_WARN_LENGTH, withRun: Boolean(runEvents) };
}

/** A link to the current playground (and its run, when asked and possible), or why it can't be made. */
export function makeShareLink(includeRun: boolean, origin = location.origin): Outcome<ShareLink> {
  const withRun = includeRun && currentRunShareability().ok;
  return shareLinkFor(usePlaygroundStore.getState().doc, withRun ? useRunStore.getState().events : undefined, { ...useKeyStore.getState().keys, ...otlpHeaderSecrets() }, origin);
}

/** An export of the current playground or run, as a file's name and text, or why it can't be made. */
export function makeExport(kind: ExportKind): Outcome<{ name: string; text: string }> {
  const { doc } = usePlaygroundStore.getState();
  if (kind !== 'playground') {
    // A trace holds the document with the run, so they must belong together; OpenTelemetry holds the run alone.
    const shareable = runShareability(useRunStore.getState().events, kind === 'trace' ? doc : undefined, running());
    if (!shareable.ok) return { ok: false, message: shareable.reason };
  }
  let file: { name: string; text: string };
  try {
    file = exportText(kind, doc, useRunStore.getState().events);
  } catch (error) {
    return { ok: false, message: `The export failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const leaks = findKeyLeaks(file.text, { ...useKeyStore.getState().keys, ...otlpHeaderSecrets() });
  if (leaks.length) return { ok: false, message: leakMessage(leaks, 'the file') };
  // Read back as an import would read it: importing this very file again opens it as the person's own.
  if (kind !== 'otlp') {
    const back = readImportFile(file.name, file.text);
    if (back.ok) rememberExport(back);
  }
  return { ok: true, ...file };
}

/** The run as OTLP/protobuf (`.pb`, what Phoenix takes), or why it can't be made; refused like the JSON while it holds a key. */
export async function makeOtlpProtobufExport(): Promise<Outcome<{ name: string; bytes: Uint8Array; spans: number }>> {
  const json = makeExport('otlp');
  if (!json.ok) return json;
  try {
    // The OpenTelemetry serializer loads when asked for, off the page's first load.
    const { otlpProtobuf } = await import('../trace/otlp-protobuf');
    const otlp = JSON.parse(json.text) as OtlpExport;
    const spans = otlp.resourceSpans.reduce((n, r) => n + r.scopeSpans.reduce((m, s) => m + s.spans.length, 0), 0);
    return { ok: true, name: json.name.replace(/\.json$/, '.pb'), bytes: otlpProtobuf(otlp), spans };
  } catch (error) {
    return { ok: false, message: `The export failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The file offered instead of a link too long to send: the trace when the run goes with it, else the playground. */
export function makeShareFile(includeRun: boolean): Outcome<{ name: string; text: string }> {
  return makeExport(includeRun && currentRunShareability().ok ? 'trace' : 'playground');
}

/** How a file or link is opened: a link's digest (to find it again), or the name of a file this browser exported. */
interface OpenHow {
  linkDigest?: string;
  ownFile?: string;
}

export const useShareStore = create<ShareStore>((set) => {
  /** Adds the playground to the library, opens it, and shows its recorded run; never starts a run. */
  const open = (source: SharedBanner['source'], playground: Playground, trace?: Trace, how: OpenHow = {}): boolean => {
    if (running()) {
      set({ notice: { tone: 'warning', message: 'A run is going: stop it first, then open the shared playground again.' } });
      return false;
    }
    const opening = trace ? replayOpening(trace) : { saved: { doc: playground } };
    const events = trace?.events ?? [];
    const banner = (itemId: string): SharedBanner => ({
      itemId,
      source,
      timeline: events.length > 0,
      ...('recordedWith' in opening ? { recordedWith: opening.recordedWith } : {}),
      ...('keptModel' in opening && opening.keptModel ? { keptModel: opening.keptModel } : {}),
    });
    const library = useLibraryStore.getState();
    const known = how.linkDigest ? library.items.find((i) => i.linkDigest === how.linkDigest) : undefined;
    if (known) {
      // The same link again: its item opens (with any edits made since), nothing is added, and its review stays as it is.
      library.open(known.id);
      if (useLibraryStore.getState().currentId !== known.id) return false;
      if (events.length && useRunStore.getState().events.length === 0) useRunStore.getState().showRecorded(events, known.id, opening.saved.doc);
      const untrusted = Boolean(useTrustStore.getState().untrusted[known.id]);
      set({
        notice: { tone: 'info', message: `This link was opened before: “${known.title}” from your saved playgrounds is open again, and nothing was added.` },
        banner: untrusted ? banner(known.id) : undefined,
      });
      return true;
    }
    const itemId = newItemId();
    // From outside: nothing it names is contacted until the person accepts it. Marked before the item exists, so no
    // save of the item can come first; held in this tab even when storage refuses it (it survives a reload when it can).
    // A file this very browser exported is the person's own.
    if (!how.ownFile) useTrustStore.getState().markUntrusted(itemId, source);
    if (!useLibraryStore.getState().addAndOpen(opening.saved, itemId, how.linkDigest)) return false;
    if (events.length) useRunStore.getState().showRecorded(events, itemId, opening.saved.doc);
    if (how.ownFile) {
      const replay = 'recordedWith' in opening ? ` The timeline shows its recorded run; Run replays it offline, with no key${opening.keptModel ? ` (its own model, ${opening.keptModel}, is kept under Model)` : ''}.` : '';
      set({ banner: undefined, notice: { tone: 'info', message: `“${how.ownFile}” was exported from this browser, so it opened as your own playground.${replay}` } });
      return true;
    }
    set({ notice: undefined, banner: banner(itemId) });
    return true;
  };

  /** A link's (or a published record's) payload: the same content opens the same item again. */
  const openPayload = (payload: SharePayload): boolean => {
    const { playground, run } = payload;
    let trace: Trace | undefined;
    if (run && run.events.length) {
      try {
        trace = traceFromEvents(playground, run.events);
      } catch {
        set({ notice: { tone: 'error', message: 'This share link could not be opened: its recorded run does not hang together. Your own playground is unchanged.' } });
        return false;
      }
    }
    return open('link', playground, trace, { linkDigest: contentDigest(payload) });
  };

  return {
    openLink(hash) {
      const decoded = decodeShareHash(hash);
      if (!decoded.ok) {
        set({ notice: { tone: 'error', message: `This share link could not be opened. ${decoded.message}\nYour own playground is unchanged.` } });
        return false;
      }
      return openPayload(decoded.payload);
    },
    openPublished(json) {
      const read = readPublishedPayload(json);
      if (!read.ok) {
        set({ notice: { tone: 'error', message: `This published playground could not be opened: ${read.message}\nYour own playground is unchanged.` } });
        return false;
      }
      return openPayload(read.payload);
    },
    importFile(name, text) {
      const file = readImportFile(name, text);
      if (!file.ok) return set({ notice: { tone: 'error', message: file.message } });
      const how = isOwnExport(file) ? { ownFile: name } : {};
      if (file.kind === 'trace') open('trace-file', file.trace.playground, file.trace, how);
      else open('playground-file', file.playground, undefined, how);
    },
    dismissBanner: () => set({ banner: undefined }),
    dismissNotice: () => set({ notice: undefined }),
  };
});

let started = false;
/** The payload of the `/p/<id>` page being opened, until the library is loaded. */
let publishedToOpen: { payload: unknown } | undefined;

/** Called by the `/p/<id>` page before the playground starts: it opens once the library is loaded. */
export function openPublishedOnStart(payload: unknown): void {
  // The server renders the page too: nothing is kept there.
  if (typeof window !== 'undefined') publishedToOpen = { payload };
}

function openPublishedInAddress(): void {
  const pending = publishedToOpen;
  publishedToOpen = undefined;
  if (!pending || typeof location === 'undefined') return;
  if (running()) {
    useShareStore.setState({ notice: { tone: 'warning', message: 'A run is going: stop it, then open the published playground again.' } });
    return;
  }
  // Like a hash link leaving the address bar: a reload opens the playground, not the record again.
  history.replaceState(history.state, '', `/${location.hash}`);
  useShareStore.getState().openPublished(pending.payload);
}

/**
 * Opens the share link in the address bar, if any, then takes it out so a reload doesn't import it again; and shows
 * the step the address names (`…&step=3`, or `#step=3` for the run on screen), which stays in the address.
 */
export async function openLinkInAddress(): Promise<void> {
  if (typeof location === 'undefined') return;
  const hash = location.hash;
  const { share, step, stepProblem } = readHash(hash);
  if (share !== undefined) {
    if (running()) {
      useShareStore.setState({ notice: { tone: 'warning', message: 'A run is going: stop it, then reload the page to open the shared playground.' } });
      return;
    }
    // The link format's dictionary loads with the first link (it is not part of the page's first load). If it can't,
    // the link stays in the address, so a reload tries again.
    if (!linkDictionariesReady()) {
      try {
        await loadLinkDictionaries();
      } catch (error) {
        useShareStore.setState({ notice: { tone: 'error', message: `This share link could not be opened. ${linkReaderFailed(error)}\nYour own playground is unchanged.` } });
        return;
      }
      if (location.hash !== hash) return; // another link arrived meanwhile: its own call opens it
    }
    const rest = step !== undefined ? `#${stepHash(step)}` : '';
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest}`);
    if (!useShareStore.getState().openLink(hash)) return;
  }
  if (stepProblem) useStepFocusStore.getState().fail(stepProblem);
  else if (step !== undefined) useStepFocusStore.getState().focusStep(step);
}

/**
 * At app start, after the playground store: loads the saved playgrounds and opens a share link in the address
 * (now, and whenever one is pasted into the address bar later). Never throws.
 */
export async function startSharing(): Promise<void> {
  try {
    await hydrateLibrary();
  } catch (error) {
    useShareStore.setState({ notice: { tone: 'warning', message: `Your saved playgrounds could not be loaded: ${error instanceof Error ? error.message : String(error)}` } });
  }
  if (typeof window === 'undefined' || started) return;
  started = true;
  openPublishedInAddress();
  await openLinkInAddress();
  window.addEventListener('hashchange', () => void openLinkInAddress());
}
