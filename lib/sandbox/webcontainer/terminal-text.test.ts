import { describe, expect, it } from 'vitest';
import { createLineSplitter, createTerminalCleaner, meaningfulLine, stripTerminalCodes } from './terminal-text';

describe('cleaning terminal output', () => {
  it('strips colours, cursor moves, window titles and hyperlinks, and turns \\r\\n into \\n', () => {
    expect(stripTerminalCodes('\x1b[1;31mred\x1b[0m \x1b[2K\x1b[1Gline\r\n')).toBe('red line\n');
    expect(stripTerminalCodes('\x1b]0;title\x07a\x1b]8;;https://x.test\x1b\\link\x1b]8;;\x1b\\b')).toBe('alinkb');
    expect(stripTerminalCodes('\x1b(B\x1b7x\x1b8\x1b=\x07\x08y')).toBe('xy');
    expect(stripTerminalCodes('{"a":"\\u001b"}\n')).toBe('{"a":"\\u001b"}\n');
  });

  it('holds back a sequence or a \\r\\n cut by a chunk boundary', () => {
    const cleaner = createTerminalCleaner();
    const text = '\x1b[32m@K {"x":1}\x1b[39m\r\n\x1b]0;t\x07done\r\n';
    // Every way of cutting the text in two gives the same result.
    for (let cut = 0; cut <= text.length; cut++) {
      const c = createTerminalCleaner();
      expect(c.push(text.slice(0, cut)) + c.push(text.slice(cut)) + c.flush()).toBe('@K {"x":1}\ndone\n');
    }
    expect(cleaner.push('a\x1b[3')).toBe('a');
    expect(cleaner.flush()).toBe('');
  });

  it('keeps a lone \\r, and can read a move to the line start as one (for progress output)', () => {
    expect(stripTerminalCodes('50%\r60%')).toBe('50%\r60%');
    const c = createTerminalCleaner({ redrawAsCarriageReturn: true });
    expect(c.push('\x1b[1G⠙ one\x1b[0K\x1b[1G⠹ two')).toBe('\r⠙ one\r⠹ two');
  });

  it('splits lines on \\n and \\r, keeping the unfinished tail for later', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((l) => lines.push(l));
    splitter.push('a\nb');
    splitter.push('c\rd\n\ne');
    expect(lines).toEqual(['a', 'bc', 'd', '']);
    splitter.flush();
    expect(lines.at(-1)).toBe('e');
  });

  it('drops spinners from install lines', () => {
    expect(meaningfulLine('⠙ ')).toBeUndefined();
    expect(meaningfulLine('  |  ')).toBeUndefined();
    expect(meaningfulLine('⠹ reify:lodash: timing')).toBe('reify:lodash: timing');
    expect(meaningfulLine('- added 1 package')).toBe('added 1 package');
    expect(meaningfulLine('/usr/lib/node_modules')).toBe('/usr/lib/node_modules');
    expect(meaningfulLine('x'.repeat(300))).toHaveLength(200);
  });
});
