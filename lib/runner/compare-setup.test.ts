import { describe, expect, it } from 'vitest';
import { playground } from '../test-support/playgrounds';
import { builtInPromptsSetup, CompareSetupError, parseSetupSpec, playgroundForSetup, setupLabel } from './compare-setup';

const noPrompt = () => {
  throw new Error('no prompt expected');
};

describe('compare setups', () => {
  it('reads type and model from key=value parts, comma-separated or repeated', () => {
    expect(parseSetupSpec(['type=tool-calling,model=openai:gpt-4.1'], noPrompt)).toEqual({ type: 'tool-calling', model: 'openai:gpt-4.1' });
    expect(parseSetupSpec(['type=code', 'model=gpt-4.1-mini'], noPrompt)).toEqual({ type: 'code', model: 'gpt-4.1-mini' });
  });

  it('refuses an unknown key, naming the keys there are', () => {
    expect(() => parseSetupSpec(['temperature=1'], noPrompt)).toThrow(/unknown key 'temperature'.*type, model, prompt/);
    expect(() => parseSetupSpec(['type=python'], noPrompt)).toThrow(CompareSetupError);
    expect(() => parseSetupSpec(['type'], noPrompt)).toThrow(/expected key=value/);
  });

  it('hands prompt= values to the reader it is given', () => {
    expect(parseSetupSpec(['prompt=p.txt'], (v) => ({ codeAgentSystem: `from ${v}` }))).toEqual({ promptTemplates: { codeAgentSystem: 'from p.txt' } });
  });

  it('derives each side from the same document: same task and tools, its own agent type', () => {
    const base = playground({ agent: { type: 'code' } });
    const b = playgroundForSetup(base, { type: 'tool-calling' });
    expect(b.agent.type).toBe('tool-calling');
    expect(b.task).toBe(base.task);
    expect(b.tools).toBe(base.tools);
    expect(base.agent.type).toBe('code');
    expect(setupLabel({ type: 'tool-calling' }, base)).toBe('ToolCallingAgent');
  });

  it('swaps the model id within the provider, or sets another provider', () => {
    const base = playground({ model: { provider: 'openai', model: 'gpt-4.1-mini' } });
    expect(playgroundForSetup(base, { model: 'gpt-4.1' }).model).toMatchObject({ provider: 'openai', model: 'gpt-4.1' });
    expect(playgroundForSetup(base, { model: 'anthropic:claude-haiku-4-5' }).model).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5' });
  });

  it('asks for a provider when a replay playground is given a bare model id', () => {
    expect(() => playgroundForSetup(playground(), { model: 'gpt-4.1' })).toThrow(/model is replay.*openai:gpt-4.1/);
  });

  it('applies a prompt version as template overrides, checked like an edit in the Prompt tab', () => {
    const base = playground();
    const doc = playgroundForSetup(base, { promptTemplates: { finalAnswer: 'Answer now: {{task}}' } });
    expect(doc.agent.promptTemplates?.finalAnswer).toBe('Answer now: {{task}}');
    expect(() => playgroundForSetup(base, { promptTemplates: { nope: 'x' } as never })).toThrow(/'nope' does not exist/);
  });

  it('compares the playground\'s edited prompts with the built-in ones, and labels each version', () => {
    const base = playground({ agent: { type: 'code', promptTemplates: { finalAnswer: 'Answer now: {{task}}' } } });
    const builtIn = builtInPromptsSetup({ type: 'code' }, base);
    expect(playgroundForSetup(base, builtIn).agent.promptTemplates).toBeUndefined();
    expect(setupLabel(builtIn, base)).toBe('CodeAgent · built-in prompts');
    expect(setupLabel({ type: 'code', promptTemplates: { codeAgentSystem: 'Be brief. {{tools}}' } }, base)).toBe('CodeAgent · prompts: codeAgentSystem');
  });
});
