// Edits to a playground's team members (managed agents), checked against the document's schema before they are made:
// a refused edit names the field and the rule, and the document is left as it was.
import type { z } from 'zod';
import { managedAgentSchema, playgroundSchema, type ManagedAgentSettings, type Playground } from './schema';

export type ManagedAgentInput = z.input<typeof managedAgentSchema>;

export interface MemberProblem {
  /** The member's field the problem is about (`name`, `description`, `model` …), or `member` for the whole. */
  field: string;
  message: string;
}

export type MemberEdit = { ok: true; doc: Playground } | { ok: false; problems: MemberProblem[] };

/**
 * The document with member `index` replaced by `member` (index = the count of members: added at the end), or the
 * problems that keep it from being valid. Problems the document already had (a member left without its own responses
 * when the main model became replay) do not refuse an edit of another field.
 */
export function checkMemberEdit(doc: Playground, index: number, member: ManagedAgentInput): MemberEdit {
  const parsed = managedAgentSchema.safeParse(member);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'member'), message: i.message })) };
  const members = [...doc.agent.managedAgents];
  members.splice(index, index < members.length ? 1 : 0, parsed.data);
  return checkMembers(doc, members, index < doc.agent.managedAgents.length ? undefined : index);
}

/**
 * The document with `members` as its team, refused when that gives the team a problem it did not have before.
 * `inserted`: the index of a member put in between (the ones after it were one place higher before).
 */
export function checkMembers(doc: Playground, members: ManagedAgentSettings[], inserted?: number): MemberEdit {
  const next: Playground = { ...doc, agent: { ...doc.agent, managedAgents: members } };
  const key = (p: TeamProblem, index: number) => `${index}\n${p.field}\n${p.message}`;
  const before = new Set(teamProblems(doc).map((p) => key(p, p.index)));
  const wasAt = (index: number) => (inserted === undefined || index < inserted ? index : index === inserted ? -1 : index - 1);
  const problems = teamProblems(next).filter((p) => !before.has(key(p, wasAt(p.index))));
  return problems.length ? { ok: false, problems: problems.map(({ field, message }) => ({ field, message })) } : { ok: true, doc: next };
}

interface TeamProblem extends MemberProblem {
  /** The member it was found on (a duplicate name is reported on the later of the two). */
  index: number;
}

/** The document's problems with its team members (a duplicate name, the replay rule …). */
function teamProblems(doc: Playground): TeamProblem[] {
  const parsed = playgroundSchema.safeParse(doc);
  if (parsed.success) return [];
  return parsed.error.issues
    .filter((i) => i.path[0] === 'agent' && i.path[1] === 'managedAgents' && typeof i.path[2] === 'number')
    .map((i) => ({ index: i.path[2] as number, field: String(i.path[3] ?? 'member'), message: i.message }));
}

/** The problems member `index` of the document has now (shown beside it). */
export function memberProblems(doc: Playground, index: number): MemberProblem[] {
  const parsed = playgroundSchema.safeParse(doc);
  if (parsed.success) return [];
  return parsed.error.issues
    .filter((i) => i.path[0] === 'agent' && i.path[1] === 'managedAgents' && i.path[2] === index)
    .map((i) => ({ field: String(i.path[3] ?? 'member'), message: i.message }));
}

/** A new member's settings: a free name, and with the replay main model its own (empty) list of responses. */
export function newMember(doc: Playground, given: Partial<ManagedAgentInput> = {}): ManagedAgentInput {
  const taken = new Set(doc.agent.managedAgents.map((m) => m.name));
  let name = 'helper';
  for (let n = 2; taken.has(name); n++) name = `helper_${n}`;
  return {
    name,
    description: 'Helps the manager with one part of the task.',
    type: 'code',
    tools: [],
    maxSteps: 6,
    ...(doc.model.provider === 'replay' ? { model: { provider: 'replay', responses: [], delayMs: 0 } } : {}),
    ...given,
  };
}

/** The member with `patch` applied; a `model` of undefined in the patch means "the same as the main model". */
export function patchMember(member: ManagedAgentSettings, patch: Partial<ManagedAgentSettings>): ManagedAgentInput {
  const next: ManagedAgentInput = { ...member, ...patch };
  if ('model' in patch && patch.model === undefined) delete next.model;
  return next;
}
