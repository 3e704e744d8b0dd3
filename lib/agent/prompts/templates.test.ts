import { describe, expect, it } from 'vitest';
import { checkTemplate, DEFAULT_PROMPT_TEMPLATES, PROMPT_TEMPLATES, resolveTemplates, templateVariables } from './templates';
import { FINAL_ANSWER_PROMPT } from './final-answer';

describe('prompt templates', () => {
  it('resolves to the defaults, with only the overridden templates replaced', () => {
    const resolved = resolveTemplates({ finalAnswer: 'Answer now: {{task}}' });
    expect(resolved.finalAnswer).toBe('Answer now: {{task}}');
    expect(resolved.initialPlan).toBe(DEFAULT_PROMPT_TEMPLATES.initialPlan);
    expect(resolveTemplates().finalAnswer).toBe(FINAL_ANSWER_PROMPT);
  });

  it('accepts every default template', () => {
    for (const t of PROMPT_TEMPLATES) expect(checkTemplate(t.id, t.defaultText)).toBeUndefined();
  });

  it('lists the variables used, conditional blocks included', () => {
    expect(templateVariables('{{tools}} {{#if instructions}}{{instructions}}{{/if}} {{tools}}')).toEqual(['tools', 'instructions']);
  });

  it('refuses an unknown variable, naming it and the allowed ones', () => {
    expect(checkTemplate('finalAnswer', 'Answer {{question}}')).toBe(
      'Final answer (at the step limit): unknown variable {{question}}; the variables are {{task}}',
    );
  });

  it('refuses a system prompt without the tools', () => {
    expect(checkTemplate('codeAgentSystem', 'You are an agent.')).toMatch(/must use \{\{tools\}\}/);
  });

  it('refuses an unclosed conditional block', () => {
    expect(checkTemplate('toolCallingAgentSystem', '{{tools}} {{#if instructions}}x')).toMatch(/\{\{\/if\}\}/);
  });
});
