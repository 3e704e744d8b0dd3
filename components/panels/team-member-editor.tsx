'use client';
// One team member: its name, description, type, steps, tools and model. Every edit is checked against the schema first;
// a refused one stays in its box with the rule, and the document keeps the last valid value.
import { useId } from 'react';
import { checkMemberEdit, memberProblems, patchMember } from '@/lib/playground/managed-agent-edit';
import { managedAgentSchema, type ManagedAgentSettings } from '@/lib/playground/schema';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { CheckedTextField, type TextCheck } from './checked-text-field';
import { MemberModelSettings } from './member-model-settings';
import { MemberToolsField } from './member-tools-field';
import { firstProblem, sentence } from './member-problem';
import { NumberField, ruleOf } from './number-field';

const MAX_STEPS = ruleOf(managedAgentSchema.shape.maxSteps.unwrap());

export function TeamMemberEditor({ member, index }: { member: ManagedAgentSettings; index: number }) {
  const id = useId();
  const doc = usePlaygroundStore((s) => s.doc);
  const { updateManagedAgent, removeManagedAgent } = usePlaygroundStore.getState();
  const update = (patch: Partial<ManagedAgentSettings>) => updateManagedAgent(index, patch);
  /** Checks a text field's new value as the store will, so a refusal is shown while the text stays in the box. */
  const checkField = (field: 'name' | 'description') => (text: string): TextCheck => {
    const edit = checkMemberEdit(usePlaygroundStore.getState().doc, index, patchMember(member, { [field]: text }));
    return edit.ok ? { ok: true, value: text } : { ok: false, message: firstProblem(edit.problems, field) };
  };
  // Problems the document has with this member already (e.g. the main model became replay): said beside it.
  const standing = memberProblems(doc, index);
  return (
    <fieldset className="card space-y-3 p-3" data-testid="team-member" aria-describedby={standing.length ? `${id}-problems` : undefined}>
      <legend className="px-1 font-mono text-sm font-semibold">{member.name}</legend>
      {standing.length > 0 && (
        <ul id={`${id}-problems`} role="alert" className="list-disc pl-5 text-xs text-red-800 dark:text-red-300">
          {standing.map((p) => (
            <li key={`${p.field}:${p.message}`}>{sentence(p.message)}</li>
          ))}
        </ul>
      )}
      <CheckedTextField
        label="Name"
        value={member.name}
        check={checkField('name')}
        onCommit={(name) => update({ name })}
        className="field max-w-64 font-mono"
        help="The manager calls it by this name: letters, digits and _, not starting with a digit."
      />
      <CheckedTextField label="Description" value={member.description} check={checkField('description')} onCommit={(description) => update({ description })} help="The manager reads this to decide when to call it." />
      <div className="space-y-1">
        <label htmlFor={`${id}-type`} className="label block">
          Type
        </label>
        <select id={`${id}-type`} className="field w-auto" value={member.type} onChange={(e) => update({ type: e.target.value as ManagedAgentSettings['type'] })}>
          <option value="code">CodeAgent</option>
          <option value="tool-calling">ToolCallingAgent</option>
        </select>
      </div>
      <NumberField label="Max steps" value={member.maxSteps} rule={MAX_STEPS} onCommit={(n) => update({ maxSteps: n ?? member.maxSteps })} help="After this many steps it is asked for its final answer." />
      <MemberToolsField chosen={member.tools} onChange={(tools) => update({ tools })} />
      <MemberModelSettings member={member} index={index} />
      <button type="button" className="btn-danger" onClick={() => removeManagedAgent(index)}>
        Remove {member.name}
      </button>
    </fieldset>
  );
}
