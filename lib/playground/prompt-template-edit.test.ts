import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMPT_TEMPLATES } from '../agent/prompts/templates';
import { checkPromptTemplateEdit } from './prompt-template-edit';
import { playgroundSchema } from './schema';

const doc = playgroundSchema.parse({ version: 1, title: 'old', task: 't' });

describe('prompt template edits', () => {
  it('loads a version 1 document without templates as it was (all defaults, no field added)', () => {
    expect(doc.agent.promptTemplates).toBeUndefined();
    expect('promptTemplates' in doc.agent).toBe(false);
  });

  it('keeps an overridden template in the document, and removes it on reset', () => {
    const edit = checkPromptTemplateEdit(doc, 'finalAnswer', 'MARKER {{task}}');
    expect(edit.ok && edit.doc.agent.promptTemplates).toEqual({ finalAnswer: 'MARKER {{task}}' });
    if (!edit.ok) return;
    expect(playgroundSchema.parse(edit.doc).agent.promptTemplates).toEqual({ finalAnswer: 'MARKER {{task}}' });
    const reset = checkPromptTemplateEdit(edit.doc, 'finalAnswer', undefined);
    expect(reset.ok && 'promptTemplates' in reset.doc.agent).toBe(false);
  });

  it('stores nothing when the text is the default again', () => {
    const edit = checkPromptTemplateEdit(doc, 'initialPlan', DEFAULT_PROMPT_TEMPLATES.initialPlan);
    expect(edit.ok && edit.doc.agent.promptTemplates).toBeUndefined();
  });

  it('refuses an unknown variable and leaves the document as it was', () => {
    const edit = checkPromptTemplateEdit(doc, 'updatePlan', 'Left: {{stepsLeft}}');
    expect(edit).toEqual({ ok: false, message: expect.stringMatching(/unknown variable \{\{stepsLeft\}\}; the variables are \{\{task\}\}, \{\{remainingSteps\}\}/) });
  });

  it('is a schema error, naming the variable, when a document has a bad template', () => {
    const parsed = playgroundSchema.safeParse({ version: 1, agent: { promptTemplates: { codeAgentSystem: '{{tools}} {{toolz}}' } } });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(['agent', 'promptTemplates', 'codeAgentSystem']);
    expect(issue.message).toMatch(/\{\{toolz\}\}.*\{\{tools\}\}, \{\{managedAgents\}\}/);
  });

  it('is a schema error when a system prompt drops {{tools}}, or a template id is unknown', () => {
    expect(playgroundSchema.safeParse({ version: 1, agent: { promptTemplates: { toolCallingAgentSystem: 'hi' } } }).success).toBe(false);
    expect(playgroundSchema.safeParse({ version: 1, agent: { promptTemplates: { nope: 'x' } } }).success).toBe(false);
  });
});
