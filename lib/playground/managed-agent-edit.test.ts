import { describe, expect, it } from 'vitest';
import { checkMemberEdit, checkMembers, memberProblems, newMember } from './managed-agent-edit';
import { playgroundSchema, type ManagedAgentSettings, type PlaygroundInput } from './schema';

const OPENAI = { provider: 'openai', model: 'gpt-4.1-mini' } as const;
const doc = (input: Partial<PlaygroundInput>) => playgroundSchema.parse({ version: 1, model: OPENAI, ...input });
const member = (name: string): ManagedAgentSettings => ({ name, description: 'Helps.', type: 'code', tools: [], maxSteps: 6 });

describe('team member edits', () => {
  it('names a new member with the first free name', () => {
    const d = doc({ agent: { managedAgents: [member('helper'), member('helper_2')] } });
    expect(newMember(d).name).toBe('helper_3');
    expect(newMember(d).model).toBeUndefined();
  });

  it('reports a duplicate name as a problem of the edit, whichever of the two members changed', () => {
    const d = doc({ agent: { managedAgents: [member('a'), member('b')] } });
    const result = checkMemberEdit(d, 0, member('b'));
    expect(result).toEqual({ ok: false, problems: [{ field: 'name', message: "another managed agent is already named 'b'" }] });
  });

  it('putting a member back in between is judged against the problems the others already had', () => {
    const d = { ...doc({ agent: { managedAgents: [member('a'), member('c')] } }), model: { provider: 'replay' as const, responses: [], delayMs: 0 } };
    // Both members lack their own responses already; putting 'b' (with its own) back between them adds no problem.
    const b = { ...member('b'), model: { provider: 'replay' as const, responses: [], delayMs: 0 } };
    expect(memberProblems(d, 1)).toHaveLength(1);
    expect(checkMembers(d, [d.agent.managedAgents[0]!, b, d.agent.managedAgents[1]!], 1).ok).toBe(true);
    // Without its own responses it would get the replay rule's problem: refused.
    expect(checkMembers(d, [d.agent.managedAgents[0]!, member('b'), d.agent.managedAgents[1]!], 1).ok).toBe(false);
  });
});
