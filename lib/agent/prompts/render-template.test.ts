import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template';

describe('renderTemplate', () => {
  it('substitutes values and keeps blocks whose value is non-empty', () => {
    const t = 'A {{x}}\n{{#if extra}}\nExtra: {{extra}}\n{{/if}}\nEnd';
    expect(renderTemplate(t, { x: '1', extra: 'yes' })).toBe('A 1\nExtra: yes\nEnd');
    expect(renderTemplate(t, { x: '1', extra: '' })).toBe('A 1\nEnd');
  });

  it('refuses a placeholder with no value, so a prompt never ships with {{holes}}', () => {
    expect(() => renderTemplate('{{missing}}', {})).toThrow(/missing/);
  });
});
