import { describe, expect, it } from 'vitest';
import { findNameClashes, mcpToolSource, sourceToolSource, toIdentifier } from './tool-name';

describe('toIdentifier', () => {
  it('keeps a name that is already an identifier', () => {
    expect(toIdentifier('get_forecast')).toBe('get_forecast');
    expect(toIdentifier('$fetch2')).toBe('$fetch2');
    expect(toIdentifier('météo')).toBe('météo');
  });

  it('turns every character that cannot be in an identifier into _', () => {
    expect(toIdentifier('get-forecast')).toBe('get_forecast');
    expect(toIdentifier('files.read v2')).toBe('files_read_v2');
    expect(toIdentifier('a/b:c😀')).toBe('a_b_c_');
  });

  it('puts _ before a leading digit, after a reserved word, and names the empty name _', () => {
    expect(toIdentifier('3d-render')).toBe('_3d_render');
    expect(toIdentifier('delete')).toBe('delete_');
    expect(toIdentifier('class')).toBe('class_');
    expect(toIdentifier('')).toBe('_');
  });

  it('always gives something a function can be named', () => {
    for (const name of ['-', '42', 'new', 'a b', '😀😀', 'x\ny', 'ok']) {
      const id = toIdentifier(name);
      expect(() => new Function(`function ${id}() {}`)).not.toThrow();
    }
  });
});

describe('findNameClashes', () => {
  it('finds none when every tool keeps its own name', () => {
    expect(findNameClashes([{ name: 'get-forecast', source: mcpToolSource('weather', 'get-forecast') }, { name: 'add', source: sourceToolSource('add') }])).toEqual([]);
  });

  it('names both sides of a clash', () => {
    expect(
      findNameClashes([
        { name: 'get-forecast', source: mcpToolSource('weather', 'get-forecast') },
        { name: 'get_forecast', source: sourceToolSource('get_forecast') },
      ]),
    ).toEqual(["the MCP tool 'get-forecast' of server 'weather' and the tool 'get_forecast' of the tools source both become get_forecast in the sandbox"]);
  });

  it('names every side when three tools clash, and the same tool name on two servers', () => {
    expect(
      findNameClashes([
        { name: 'search', source: mcpToolSource('a', 'search') },
        { name: 'search', source: mcpToolSource('b', 'search') },
        { name: 'search', source: "the team member 'search'" },
      ]),
    ).toEqual(["the MCP tool 'search' of server 'a', the MCP tool 'search' of server 'b' and the team member 'search' all become search in the sandbox"]);
  });

  it('refuses the reserved final_answer', () => {
    expect(findNameClashes([{ name: 'final-answer', source: mcpToolSource('x', 'final-answer') }])).toEqual([
      "the MCP tool 'final-answer' of server 'x' becomes final_answer in the sandbox, a name the agent reserves for itself",
    ]);
  });
});
