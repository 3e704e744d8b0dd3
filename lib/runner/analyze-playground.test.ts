import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../playground/examples';
import { playground } from '../test-support/playgrounds';
import { analyzePlayground } from './analyze-playground';
import { createAgentFromPlayground } from './create-agent-from-playground';

describe('analyzePlayground', () => {
  it.each(EXAMPLES.map((e) => [e.id, e.playground] as const))('shows exactly the system prompt the agent of %s sends', (_id, pg) => {
    const analysis = analyzePlayground(pg);
    expect(analysis.systemPrompt).toBe(createAgentFromPlayground(pg).systemPrompt());
  });

  it('shows the system prompt of a ToolCallingAgent in the text tool call format, with each tool\'s JSON schema', () => {
    const pg = playground({ agent: { type: 'tool-calling' }, model: { provider: 'manual', toolCallFormat: 'text' } });
    const analysis = analyzePlayground(pg);
    expect(analysis.systemPrompt).toBe(createAgentFromPlayground(pg, { manualTurn: async () => '' }).systemPrompt());
    expect(analysis.systemPrompt).toContain('Arguments (JSON Schema)');
    expect(analysis.rendered.add).toMatch(/^- add: Adds two numbers\. Returns number\.\n {4}Arguments \(JSON Schema\): \{"type":"object"/);
  });

  it('shows the built-in tools in the text tool call format too, as the run sends them', () => {
    const pg = playground({ agent: { type: 'tool-calling' }, builtinTools: ['visit_webpage'], model: { provider: 'manual', toolCallFormat: 'text' } });
    const analysis = analyzePlayground(pg);
    expect(analysis.systemPrompt).toBe(createAgentFromPlayground(pg, { manualTurn: async () => '' }).systemPrompt());
    expect(analysis.rendered.visit_webpage).toMatch(/^- visit_webpage: /);
  });

  it('sizes the prompt per section: rules, each tool, final_answer, each managed agent, instructions', () => {
    const team = EXAMPLES.find((e) => e.playground.agent.managedAgents.length > 0)!.playground;
    const analysis = analyzePlayground({ ...team, agent: { ...team.agent, instructions: 'Answer in French.' } });
    const labels = analysis.sections.map((s) => `${s.kind}:${s.label}`);
    expect(labels[0]).toBe('rules:rules and examples');
    for (const tool of analysis.tools) expect(labels).toContain(`tool:${tool.name}`);
    expect(labels).toContain('tool:final_answer');
    for (const m of team.agent.managedAgents) expect(labels).toContain(`managed-agent:${m.name}`);
    expect(labels.at(-1)).toBe('instructions:your instructions');
    const sum = analysis.sections.reduce((total, s) => total + s.tokens, 0);
    expect(sum).toBe(analysis.promptTokens);
    expect(analysis.sections.every((s) => s.tokens > 0)).toBe(true);
  });

  it('renders each tool as the agent type shows it', () => {
    const code = analyzePlayground(playground());
    expect(code.rendered.add).toMatch(/^\/\*\*[\s\S]*function add\(a: number, b: number\): number$/);
    const list = analyzePlayground(playground({ agent: { type: 'tool-calling' } }));
    expect(list.rendered.add).toMatch(/^- add: Adds two numbers\./);
    expect(list.systemPrompt).toContain(list.rendered.add);
  });

  it('reports tool source errors at their line instead of throwing', () => {
    const analysis = analyzePlayground(playground({ tools: '/** Broken.\n * @param a A number.\n */\nexport function broken(a: number) {\n  return a +;\n}' }));
    expect(analysis.errors).toEqual([expect.objectContaining({ message: 'Expression expected.', line: 5 })]);
  });

  it('lists every function of the tools source, helpers too, for the final-answer checks', () => {
    const tools = '/** Adds.\n * @param a A number.\n * @param b A number.\n */\nexport function add(a: number, b: number) {\n  return a + b;\n}\nfunction is_positive(answer: unknown) {\n  return Number(answer) > 0 || "the answer must be positive";\n}\nconst twice = (x: number) => 2 * x;';
    expect(analyzePlayground(playground({ tools })).functionNames).toEqual(['add', 'is_positive', 'twice']);
  });
});
