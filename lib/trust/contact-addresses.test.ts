import { describe, expect, it } from 'vitest';
import { parsePlayground } from '../playground/parse-playground';
import type { PlaygroundInput } from '../playground/schema';
import { contactAddresses } from './contact-addresses';

const doc = (input: Omit<PlaygroundInput, 'version'>) => {
  const parsed = parsePlayground({ version: 1, ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.playground;
};

describe('the addresses a playground would contact', () => {
  it('lists nothing for a replay playground with no network', () => {
    expect(contactAddresses(doc({ model: { provider: 'replay', responses: ['x'] } }))).toEqual([]);
  });

  it('lists the Brave Search API when the built-in web_search is on (user_input contacts nobody)', () => {
    expect(contactAddresses(doc({ builtinTools: ['user_input', 'web_search'] }))).toEqual([
      { id: 'host:api.search.brave.com', kind: 'tool-host', address: 'api.search.brave.com', who: ['the built-in web_search (with your key)'] },
    ]);
  });

  it('lists the main model, each team member’s model, the tools’ hosts and the WebContainer with its packages', () => {
    const found = contactAddresses(
      doc({
        tools: '',
        model: { provider: 'replay', responses: [] },
        agent: {
          managedAgents: [
            { name: 'scout', description: 'finds', model: { provider: 'openai-compatible', preset: 'openrouter', baseURL: 'http://attacker.test:8080/v1', model: 'x' } },
            { name: 'writer', description: 'writes', model: { provider: 'replay', responses: [] } },
          ],
        },
        sandbox: { kind: 'webcontainer', packages: ['lodash'], network: { enabled: true, allowedHosts: ['api.example.com'] } },
      }),
    );
    expect(found.map((a) => [a.id, a.address])).toEqual([
      ['model:http://attacker.test:8080', 'http://attacker.test:8080'],
      ['host:api.example.com', 'api.example.com'],
      ['webcontainer', 'StackBlitz’s WebContainer service'],
      ['package:lodash', 'npm package lodash'],
    ]);
    expect(found[0]!.who.join()).toMatch(/team member ‘scout’ \(OpenAI-compatible, OpenRouter preset\)/);
  });

  it('names an address once, with everyone who would contact it', () => {
    const model = { provider: 'openai' as const, model: 'gpt-4.1-mini' };
    const found = contactAddresses(doc({ model, agent: { managedAgents: [{ name: 'helper', description: 'helps', model: { ...model, via: 'proxy' } }] } }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'model:https://api.openai.com', who: ['the main model (OpenAI)', 'team member ‘helper’ (OpenAI, through this app’s server)'] });
  });

  it('does not list hosts while the tools have no network', () => {
    expect(contactAddresses(doc({ sandbox: { network: { enabled: false, allowedHosts: ['api.example.com'] } } }))).toEqual([]);
  });

  it('lists each MCP server by its address, accepted by its origin (the one its token is bound to)', () => {
    const found = contactAddresses(
      doc({
        mcpServers: [
          { name: 'weather', url: 'https://mcp.example.com/weather/mcp' },
          { name: 'calendar', url: 'https://mcp.example.com/calendar/sse', transport: 'sse' },
          { name: 'local', url: 'http://127.0.0.1:3921/mcp' },
        ],
      }),
    );
    expect(found).toEqual([
      { id: 'mcp:https://mcp.example.com', kind: 'mcp', address: 'https://mcp.example.com/weather/mcp', who: ['MCP server ‘weather’', 'MCP server ‘calendar’'] },
      { id: 'mcp:http://127.0.0.1:3921', kind: 'mcp', address: 'http://127.0.0.1:3921/mcp', who: ['MCP server ‘local’'] },
    ]);
  });
});
