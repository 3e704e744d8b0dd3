// What the CodeAgent's system prompt tells the model about its sandbox.
import { describe, expect, it } from 'vitest';
import { playground } from '../test-support/playgrounds';
import { createAgentFromPlayground } from '../runner';
import { buildSystemPrompt } from './system-prompt';

describe('the CodeAgent system prompt', () => {
  it('names the packages the sandbox can import, or says there are none', () => {
    const withPackages = buildSystemPrompt('code', { tools: '', managedAgents: [], packages: ['lodash', 'date-fns'] });
    expect(withPackages).toContain('Your code may import these npm packages and no others: lodash, date-fns.');
    expect(withPackages).not.toContain('no modules');
    const none = buildSystemPrompt('code', { tools: '', managedAgents: [] });
    expect(none).toContain('Your code has no modules (no import, no require)');
    expect(none).not.toContain('may import');
  });

  it('follows the sandbox the run uses: QuickJS has no packages even when the playground lists some', () => {
    const pg = playground({ sandbox: { kind: 'webcontainer', packages: ['lodash@4.17.21'] } });
    expect(createAgentFromPlayground(pg).systemPrompt()).toContain('has no modules');
    expect(createAgentFromPlayground(pg, { sandboxPackages: ['lodash'] }).systemPrompt()).toContain('no others: lodash.');
  });

  it('tells the model that calls are checked against the declarations', () => {
    expect(buildSystemPrompt('code', { tools: '', managedAgents: [] })).toContain('A call that does not fit a declaration throws a TypeError saying why.');
  });
});
