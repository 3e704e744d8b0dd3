// The playground document being edited, autosaved to this browser; unreadable saved data is kept aside, never lost.
import { create } from 'zustand';
import { BUILTIN_TOOL_NAMES, type BuiltinToolName } from '../builtins/types';
import { withToolFaults } from '../playground/tool-faults-edit';
import type { ToolFaultsSettings } from '../playground/schema';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { EXAMPLES } from '../playground/examples';
import { formatProblems, parsePlayground } from '../playground/parse-playground';
import {
  modelSettingsSchema,
  type AgentSettings,
  type ManagedAgentSettings,
  type McpServerSettings,
  type ModelSettings,
  type Playground,
  type ProviderModelSettings,
  type RealProvider,
  type SandboxSettings,
  type ToolCallFormat,
} from '../playground/schema';
import { isProviderModel, PRESETS, PROVIDERS } from '../models/presets';
import { reportSaveFailure, reportSaveSuccess } from './save-problem-store';
import { checkMemberEdit, checkMembers, newMember, patchMember, type ManagedAgentInput, type MemberEdit } from '../playground/managed-agent-edit';
import { readStored, type StoredFormat } from './stored-document';
import { checkPromptTemplateEdit, type PromptTemplateEdit } from '../playground/prompt-template-edit';
import type { PromptTemplateId } from '../agent/prompts/templates';
import { checkMcpServerEdit, checkMcpServers, type McpServerEdit, type McpServerInput } from '../playground/mcp-server-edit';
import { checkReplayList, checkSaveRunAsReplay, currentList, type ReplayEdit } from '../playground/replay-edit';
import type { ReplayAgentType, ReplayResponse } from '../models/replay-responses';
import type { RunReplay } from '../models/replay-from-run';

export const STORAGE_KEY = 'agent-playground:playground';
export const BACKUP_PREFIX = 'agent-playground:backup:';

type ReplaySettings = Extract<ModelSettings, { provider: 'replay' }>;

export interface SavedPlayground {
  doc: Playground;
  /** The replay responses, kept while the manual model is chosen, so switching back loses nothing. */
  replayStash?: ReplaySettings;
  /** Settings of real providers not in use, by provider. */
  providerStash?: Partial<Record<RealProvider, ProviderModelSettings>>;
  /** The bundled example the document started from, if any. */
  exampleId?: string;
}

/** What the autosave keeps: the document, and the library item it belongs to (so a start never copies it into another). */
export interface PersistedPlayground extends SavedPlayground {
  itemId?: string;
}

export interface StorageNotice {
  kind: 'recovered' | 'save-failed';
  message: string;
  /** Where the unreadable data was kept, and the data itself, so it can be downloaded. */
  backupKey?: string;
  backup?: string;
}

export interface PlaygroundStore extends PersistedPlayground {
  hydrated: boolean;
  notice?: StorageNotice;
  setTitle: (title: string) => void;
  setTask: (task: string) => void;
  setTools: (tools: string) => void;
  /** Turns a built-in tool on or off (kept in the toolbox's order; none left: the field goes). */
  setBuiltinTool: (name: BuiltinToolName, on: boolean) => void;
  /** Sets one tool's injected faults (already checked against the schema); undefined removes them. */
  setToolFaults: (tool: string, faults: ToolFaultsSettings | undefined) => void;
  updateAgent: (patch: Partial<AgentSettings>) => void;
  updateSandbox: (patch: Partial<SandboxSettings>) => void;
  /** Switches the model; the settings of the one left are kept aside and come back when it is chosen again. */
  setModelProvider: (provider: ModelSettings['provider']) => void;
  /** Edits the current real provider's settings (model name, base URL, call route, limits). */
  updateProviderModel: (patch: Partial<ProviderModelSettings>) => void;
  setReplayDelay: (delayMs: number) => void;
  /** How the main model calls tools as a ToolCallingAgent: natively, or as JSON in its text. */
  setToolCallFormat: (format: ToolCallFormat) => void;
  /** Shows another library item's document (the library's own action: every other playground lives there). */
  openDocument: (doc: Playground, kept?: Omit<SavedPlayground, 'doc'>, itemId?: string) => void;
  dismissNotice: () => void;
  /** Overrides a prompt template (checked: a refused text changes nothing); `undefined` resets it to the default. */
  setPromptTemplate: (id: PromptTemplateId, text: string | undefined) => PromptTemplateEdit;
  // ---- Team members (managed agents): every edit is checked first; a refused one changes nothing and says why ----
  /** The member last removed and where it was, until Undo, another removal or another document. */
  removedMember?: { member: ManagedAgentSettings; index: number };
  /** Counts removals and their undos: the editors of the members below a removed one start afresh. */
  teamEpoch: number;
  /** Adds a member (a free name and defaults unless given); with the replay main model it gets its own empty responses. */
  addManagedAgent: (given?: Partial<ManagedAgentInput>) => MemberResult;
  /** `model: undefined` in the patch means "the same as the main model". */
  updateManagedAgent: (index: number, patch: Partial<ManagedAgentSettings>) => MemberResult;
  removeManagedAgent: (index: number) => void;
  undoRemoveManagedAgent: () => MemberResult;
  dismissRemovedMember: () => void;
  // ---- MCP servers: checked like team members; a refused edit changes nothing and says why ----
  /** The MCP server last removed and where it was, until Undo, another removal or another document. */
  removedMcpServer?: { server: McpServerSettings; index: number };
  addMcpServer: (server: McpServerInput) => McpServerResult;
  updateMcpServer: (index: number, patch: Partial<McpServerSettings>) => McpServerResult;
  removeMcpServer: (index: number) => void;
  undoRemoveMcpServer: () => McpServerResult;
  dismissRemovedMcpServer: () => void;
  // ---- Replay responses: checked like an import; a refused edit changes nothing and says why ----
  /** The response last deleted, its agent type's list and where it was, until Undo or another deletion. */
  removedReplayResponse?: { response: ReplayResponse; index: number; type: ReplayAgentType };
  /** Sets the list a run of `type` plays (edit, add, reorder). */
  setReplayResponses: (type: ReplayAgentType, list: ReplayResponse[]) => ReplayResult;
  removeReplayResponse: (type: ReplayAgentType, index: number) => void;
  undoRemoveReplayResponse: () => ReplayResult;
  dismissRemovedReplayResponse: () => void;
  /** Makes the finished run the playground's replay; the live model's settings are kept aside for switching back. */
  saveRunAsReplay: (replay: RunReplay) => ReplayResult;
}

export type ReplayResult = { ok: true } | Extract<ReplayEdit, { ok: false }>;

export type McpServerResult = { ok: true } | Extract<McpServerEdit, { ok: false }>;

export type MemberResult = { ok: true } | Extract<MemberEdit, { ok: false }>;

export const PLAYGROUND_FORMAT: StoredFormat<PersistedPlayground> = {
  version: 1,
  migrations: {},
  validate(state) {
    if (typeof state !== 'object' || state === null || !('doc' in state)) return { ok: false, reason: 'it holds no playground' };
    const { doc, replayStash, exampleId } = state as { doc: unknown; replayStash?: unknown; exampleId?: unknown };
    const parsed = parsePlayground(doc);
    if (!parsed.ok) return { ok: false, reason: `the playground in it is invalid:\n${formatProblems(parsed.problems)}` };
    const saved: PersistedPlayground = { doc: parsed.playground };
    const { itemId } = state as { itemId?: unknown };
    if (typeof itemId === 'string' && itemId) saved.itemId = itemId;
    if (replayStash !== undefined) {
      const stash = parsePlayground({ version: 1, model: replayStash });
      if (stash.ok && stash.playground.model.provider === 'replay') saved.replayStash = stash.playground.model;
    }
    if (typeof exampleId === 'string') saved.exampleId = exampleId;
    const { providerStash } = state as { providerStash?: unknown };
    if (providerStash && typeof providerStash === 'object') {
      const kept: NonNullable<SavedPlayground['providerStash']> = {};
      for (const value of Object.values(providerStash)) {
        const parsed = modelSettingsSchema.safeParse(value);
        if (parsed.success && isProviderModel(parsed.data)) kept[parsed.data.provider] = parsed.data;
      }
      if (Object.keys(kept).length) saved.providerStash = kept;
    }
    return { ok: true, state: saved };
  },
};

const first = EXAMPLES[0]!;
const initial: SavedPlayground = { doc: first.playground, exampleId: first.id };

let pendingNotice: StorageNotice | undefined;
/** What the last start found under STORAGE_KEY. */
let loadedFrom: 'empty' | 'saved' | 'unreadable' = 'empty';

/** Whether the saved playground was there, missing, or unreadable at the last start (the library restores from its copy). */
export function playgroundLoadedFrom(): typeof loadedFrom {
  return loadedFrom;
}

/** The library says whether an item is in its stored record: a document whose item is not is never autosaved alone. */
let itemStored: (itemId: string) => boolean = () => true;
export function setAutosaveGate(gate: (itemId: string) => boolean): void {
  itemStored = gate;
}

// What the last failed save held (by reference): a change that is not an edit (a flag, a notice) does not retry it.
let lastFailed: unknown[] | undefined;
let saving = false;

function browserStorage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

const storage: PersistStorage<PersistedPlayground> = {
  getItem(name) {
    const store = browserStorage();
    if (!store) return null;
    const raw = store.getItem(name);
    const outcome = readStored(raw, PLAYGROUND_FORMAT);
    loadedFrom = outcome.kind === 'ok' ? 'saved' : outcome.kind;
    if (outcome.kind === 'ok') return { state: outcome.state, version: PLAYGROUND_FORMAT.version };
    if (outcome.kind === 'unreadable' && raw !== null) {
      const backupKey = `${BACKUP_PREFIX}${new Date().toISOString()}`;
      let kept = true;
      try {
        store.setItem(backupKey, raw);
      } catch {
        kept = false;
      }
      pendingNotice = {
        kind: 'recovered',
        message:
          `Your saved playground could not be opened: ${outcome.reason}. ` +
          (kept ? `It was kept aside in this browser's storage as “${backupKey}”` : 'It could not be kept aside (storage is full); download it now') +
          ' and the app started with the default playground.',
        ...(kept ? { backupKey } : {}),
        backup: raw,
      };
    }
    return null;
  },
  setItem(name, value: StorageValue<PersistedPlayground>) {
    const { state } = value;
    // An item the library could not store yet (storage full): saving it here alone would leave a start that finds a
    // playground the library does not know. The library's next successful write lets it through.
    if (saving || (state.itemId !== undefined && !itemStored(state.itemId))) return;
    const refs = [state.doc, state.replayStash, state.providerStash, state.exampleId, state.itemId];
    if (lastFailed?.every((r, i) => r === refs[i])) return;
    saving = true;
    try {
      browserStorage()?.setItem(name, JSON.stringify(value));
      lastFailed = undefined;
      reportSaveSuccess('playground');
    } catch (error) {
      lastFailed = refs;
      reportSaveFailure('playground', error);
    } finally {
      saving = false;
    }
  },
  removeItem(name) {
    browserStorage()?.removeItem(name);
  },
};

export const usePlaygroundStore = create<PlaygroundStore>()(
  persist(
    (set, get) => {
      const editDoc = (fn: (doc: Playground) => Playground) => set({ doc: fn(get().doc) });
      const commitTeam = (edit: MemberEdit): MemberResult => {
        if (!edit.ok) return edit;
        editDoc(() => edit.doc);
        return { ok: true };
      };
      const commitMcp = (edit: McpServerEdit): McpServerResult => {
        if (!edit.ok) return edit;
        editDoc(() => edit.doc);
        return { ok: true };
      };
      return {
        ...initial,
        hydrated: false,
        setTitle: (title) => editDoc((doc) => ({ ...doc, title })),
        setTask: (task) => editDoc((doc) => ({ ...doc, task })),
        setTools: (tools) => editDoc((doc) => ({ ...doc, tools })),
        setBuiltinTool: (name, on) =>
          editDoc((doc) => {
            const { builtinTools: _old, ...rest } = doc;
            const next = BUILTIN_TOOL_NAMES.filter((n) => (n === name ? on : (doc.builtinTools ?? []).includes(n)));
            return next.length ? { ...rest, builtinTools: next } : rest;
          }),
        setToolFaults: (tool, faults) => editDoc((doc) => withToolFaults(doc, tool, faults)),
        updateAgent: (patch) => editDoc((doc) => ({ ...doc, agent: { ...doc.agent, ...patch } })),
        updateSandbox: (patch) => editDoc((doc) => ({ ...doc, sandbox: { ...doc.sandbox, ...patch } })),
        setModelProvider(provider) {
          const { doc, replayStash, providerStash = {} } = get();
          const current = doc.model;
          if (current.provider === provider) return;
          const kept = {
            replayStash: current.provider === 'replay' ? current : replayStash,
            providerStash: isProviderModel(current) ? { ...providerStash, [current.provider]: current } : providerStash,
          };
          let model: ModelSettings;
          if (provider === 'manual') model = { provider: 'manual' };
          else if (provider === 'replay') model = replayStash ?? { provider: 'replay', responses: [], delayMs: 0 };
          else model = providerStash[provider] ?? defaultProviderModel(provider);
          const { [provider as RealProvider]: _taken, ...restStash } = kept.providerStash;
          void _taken;
          set({
            doc: { ...doc, model },
            replayStash: provider === 'replay' ? undefined : kept.replayStash,
            providerStash: Object.keys(restStash).length ? restStash : undefined,
          });
        },
        updateProviderModel: (patch) =>
          editDoc((doc) => (isProviderModel(doc.model) ? { ...doc, model: { ...doc.model, ...patch } as ProviderModelSettings } : doc)),
        setReplayDelay: (delayMs) => editDoc((doc) => (doc.model.provider === 'replay' ? { ...doc, model: { ...doc.model, delayMs } } : doc)),
        setToolCallFormat: (toolCallFormat) => editDoc((doc) => ({ ...doc, model: { ...doc.model, toolCallFormat } })),
        openDocument: (doc, kept = {}, itemId) =>
          set({ doc, replayStash: kept.replayStash, providerStash: kept.providerStash, exampleId: kept.exampleId, itemId, removedMember: undefined, removedMcpServer: undefined, removedReplayResponse: undefined }),
        dismissNotice: () => set({ notice: undefined }),
        setPromptTemplate(id, text) {
          const edit = checkPromptTemplateEdit(get().doc, id, text);
          if (edit.ok) editDoc(() => edit.doc);
          return edit;
        },
        // ---- Team members ----
        teamEpoch: 0,
        addManagedAgent(given) {
          const { doc } = get();
          return commitTeam(checkMemberEdit(doc, doc.agent.managedAgents.length, newMember(doc, given)));
        },
        updateManagedAgent(index, patch) {
          const { doc } = get();
          const member = doc.agent.managedAgents[index];
          if (!member) return { ok: false, problems: [{ field: 'member', message: `there is no team member number ${index + 1}` }] };
          return commitTeam(checkMemberEdit(doc, index, patchMember(member, patch)));
        },
        removeManagedAgent(index) {
          const { doc, teamEpoch } = get();
          const member = doc.agent.managedAgents[index];
          if (!member) return;
          editDoc((d) => ({ ...d, agent: { ...d.agent, managedAgents: d.agent.managedAgents.filter((_, i) => i !== index) } }));
          set({ removedMember: { member, index }, teamEpoch: teamEpoch + 1 });
        },
        undoRemoveManagedAgent() {
          const { doc, removedMember, teamEpoch } = get();
          if (!removedMember) return { ok: true };
          const members = [...doc.agent.managedAgents];
          const at = Math.min(removedMember.index, members.length);
          members.splice(at, 0, removedMember.member);
          const result = commitTeam(checkMembers(doc, members, at));
          if (result.ok) set({ removedMember: undefined, teamEpoch: teamEpoch + 1 });
          return result;
        },
        dismissRemovedMember: () => set({ removedMember: undefined }),
        // ---- MCP servers ----
        addMcpServer: (server) => commitMcp(checkMcpServerEdit(get().doc, get().doc.mcpServers.length, server)),
        updateMcpServer(index, patch) {
          const { doc } = get();
          const server = doc.mcpServers[index];
          if (!server) return { ok: false, problems: [{ field: 'server', message: `there is no MCP server number ${index + 1}` }] };
          const next: McpServerInput = { ...server, ...patch };
          if ('tools' in patch && patch.tools === undefined) delete next.tools;
          return commitMcp(checkMcpServerEdit(doc, index, next));
        },
        removeMcpServer(index) {
          const server = get().doc.mcpServers[index];
          if (!server) return;
          editDoc((d) => ({ ...d, mcpServers: d.mcpServers.filter((_, i) => i !== index) }));
          set({ removedMcpServer: { server, index } });
        },
        undoRemoveMcpServer() {
          const { doc, removedMcpServer } = get();
          if (!removedMcpServer) return { ok: true };
          const servers = [...doc.mcpServers];
          servers.splice(Math.min(removedMcpServer.index, servers.length), 0, removedMcpServer.server);
          const result = commitMcp(checkMcpServers(doc, servers));
          if (result.ok) set({ removedMcpServer: undefined });
          return result;
        },
        dismissRemovedMcpServer: () => set({ removedMcpServer: undefined }),
        // ---- Replay responses ----
        setReplayResponses(type, list) {
          const edit = checkReplayList(get().doc, type, list);
          if (!edit.ok) return edit;
          editDoc(() => edit.doc);
          return { ok: true };
        },
        removeReplayResponse(type, index) {
          const { doc } = get();
          const list = currentList(doc, type);
          const response = list[index];
          if (response === undefined) return;
          const edit = checkReplayList(doc, type, list.filter((_, i) => i !== index));
          if (!edit.ok) return;
          set({ doc: edit.doc, removedReplayResponse: { response, index, type } });
        },
        undoRemoveReplayResponse() {
          const { doc, removedReplayResponse: removed } = get();
          if (!removed) return { ok: true };
          const list = currentList(doc, removed.type);
          list.splice(Math.min(removed.index, list.length), 0, removed.response);
          const edit = checkReplayList(doc, removed.type, list);
          if (!edit.ok) return edit;
          set({ doc: edit.doc, removedReplayResponse: undefined });
          return { ok: true };
        },
        dismissRemovedReplayResponse: () => set({ removedReplayResponse: undefined }),
        saveRunAsReplay(replay) {
          const { doc, providerStash = {} } = get();
          const edit = checkSaveRunAsReplay(doc, replay);
          if (!edit.ok) return edit;
          const current = doc.model;
          set({
            doc: edit.doc,
            replayStash: undefined,
            providerStash: isProviderModel(current) ? { ...providerStash, [current.provider]: current } : get().providerStash,
            removedReplayResponse: undefined,
          });
          return { ok: true };
        },
      };
    },
    {
      name: STORAGE_KEY,
      version: PLAYGROUND_FORMAT.version,
      storage,
      skipHydration: true,
      partialize: ({ doc, replayStash, providerStash, exampleId, itemId }): PersistedPlayground => ({
        doc,
        ...(itemId ? { itemId } : {}),
        ...(replayStash ? { replayStash } : {}),
        ...(providerStash ? { providerStash } : {}),
        ...(exampleId ? { exampleId } : {}),
      }),
    },
  ),
);

/** Loads the saved playground (once, in the browser) and reports anything that had to be set aside. */
export async function hydratePlaygroundStore(): Promise<void> {
  if (usePlaygroundStore.getState().hydrated) return;
  await usePlaygroundStore.persist.rehydrate();
  usePlaygroundStore.setState({ hydrated: true, ...(pendingNotice ? { notice: pendingNotice } : {}) });
  pendingNotice = undefined;
}

/** A new provider's settings: its usual model; for OpenAI-compatible servers, a local Ollama. */
export function defaultProviderModel(provider: RealProvider): ProviderModelSettings {
  const base = { provider, model: PROVIDERS[provider].exampleModel };
  return modelSettingsSchema.parse(provider === 'openai-compatible' ? { ...base, preset: 'ollama', baseURL: PRESETS.ollama.baseURL } : base) as ProviderModelSettings;
}
