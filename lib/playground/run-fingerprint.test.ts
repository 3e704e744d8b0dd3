import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './examples';
import { runFingerprint } from './run-fingerprint';
import type { Playground } from './schema';

const doc = EXAMPLES[0]!.playground;
const changed = (edit: (d: Playground) => Playground) => runFingerprint(edit(doc));

describe('a run fingerprint', () => {
  it('is the same for the same playground, and ignores the title, description and replay pace', () => {
    expect(runFingerprint(doc)).toBe(runFingerprint(structuredClone(doc)));
    expect(changed((d) => ({ ...d, title: 'Renamed', description: 'Other words' }))).toBe(runFingerprint(doc));
    expect(changed((d) => ({ ...d, builtinTools: [] }))).toBe(runFingerprint(doc));
    expect(changed((d) => (d.model.provider === 'replay' ? { ...d, model: { ...d.model, delayMs: 999 } } : d))).toBe(runFingerprint(doc));
  });

  it('changes with the task, tools, model, agent settings, prompts and sandbox', () => {
    const base = runFingerprint(doc);
    const edits: ((d: Playground) => Playground)[] = [
      (d) => ({ ...d, task: `${d.task}!` }),
      (d) => ({ ...d, tools: `${d.tools}\n// more` }),
      (d) => ({ ...d, model: { provider: 'manual' } }),
      (d) => ({ ...d, agent: { ...d.agent, type: d.agent.type === 'code' ? 'tool-calling' : 'code' } }),
      (d) => ({ ...d, agent: { ...d.agent, instructions: 'Answer in French.' } }),
      (d) => ({ ...d, sandbox: { ...d.sandbox, timeoutMs: d.sandbox.timeoutMs + 1 } }),
      (d) => ({ ...d, builtinTools: ['user_input'] }),
    ];
    for (const edit of edits) expect(changed(edit)).not.toBe(base);
  });
});
