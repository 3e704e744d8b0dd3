import { describe, expect, it } from 'vitest';
import { checkMcpServerEdit, toggleAllowedTool } from './mcp-server-edit';
import { playgroundSchema } from './schema';

const doc = playgroundSchema.parse({ version: 1, mcpServers: [{ name: 'weather', url: 'http://127.0.0.1:3921/mcp' }] });

describe('checkMcpServerEdit', () => {
  it('adds a valid server at the end, with the default transport', () => {
    const edit = checkMcpServerEdit(doc, 1, { name: 'calendar', url: 'https://example.com/mcp' });
    expect(edit.ok && edit.doc.mcpServers.map((s) => [s.name, s.transport])).toEqual([
      ['weather', 'streamable-http'],
      ['calendar', 'streamable-http'],
    ]);
  });

  it('refuses a name that is not an identifier, with the schema’s message, and leaves the document as it was', () => {
    const edit = checkMcpServerEdit(doc, 1, { name: 'my server', url: 'https://example.com/mcp' });
    expect(edit).toEqual({ ok: false, problems: [{ field: 'name', message: expect.stringContaining('valid JavaScript identifier') }] });
    expect(doc.mcpServers).toHaveLength(1);
  });

  it('refuses an address that is not http(s)', () => {
    const edit = checkMcpServerEdit(doc, 1, { name: 'files', url: 'ftp://example.com' });
    expect(!edit.ok && edit.problems[0]).toEqual({ field: 'url', message: expect.stringContaining('http:// or https://') });
  });

  it('refuses a second server of the same name', () => {
    const edit = checkMcpServerEdit(doc, 1, { name: 'weather', url: 'https://example.com/mcp' });
    expect(!edit.ok && edit.problems[0]).toEqual({ field: 'name', message: "another MCP server is already named 'weather'" });
  });

  it('replaces a server in place', () => {
    const edit = checkMcpServerEdit(doc, 0, { name: 'weather', url: 'http://127.0.0.1:3921/sse', transport: 'sse' });
    expect(edit.ok && edit.doc.mcpServers).toEqual([{ name: 'weather', url: 'http://127.0.0.1:3921/sse', transport: 'sse', via: 'browser' }]);
  });
});

describe('toggleAllowedTool', () => {
  const offered = ['get_forecast', 'sum_numbers', 'create_event'];

  it('unticking one tool of all writes the others as the allow-list, in the server’s order', () => {
    expect(toggleAllowedTool({}, offered, 'sum_numbers', false)).toEqual(['get_forecast', 'create_event']);
  });

  it('ticking the last missing tool drops the allow-list (all allowed)', () => {
    expect(toggleAllowedTool({ tools: ['get_forecast', 'create_event'] }, offered, 'sum_numbers', true)).toBeUndefined();
  });

  it('keeps allowed names the server does not offer right now', () => {
    expect(toggleAllowedTool({ tools: ['get_forecast', 'old_tool'] }, offered, 'create_event', true)).toEqual(['get_forecast', 'create_event', 'old_tool']);
  });
});
