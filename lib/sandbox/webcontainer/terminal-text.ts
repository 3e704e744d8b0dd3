// A WebContainer process talks through a pseudo-terminal: colours, cursor moves, window titles (OSC), `\r\n` line ends
// and spinners come mixed with what the program printed. These helpers turn that stream back into plain text.

const INCOMPLETE = -1;
/** An escape sequence longer than this is garbage, not a sequence still arriving. */
const MAX_SEQUENCE = 4_096;
const CSI_BODY = /\[[0-?]*[ -/]*[@-~]/y;
const CSI_PREFIX = /^\[[0-?]*[ -/]*$/;
const ESC_BODY = /[ -/]*[0-~]/y;
const ESC_PREFIX = /^[ -/]*$/;
// Control characters other than tab, line feed and carriage return (which the callers handle).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;

/** Moves the cursor to the start of the line (CHA to column 0 or 1), the way spinners and progress bars redraw. */
// eslint-disable-next-line no-control-regex
const TO_LINE_START = /^\x1b\[[01]?G$/;

/** Where the escape sequence starting at `at` (an ESC) ends, INCOMPLETE when more text is needed to know. */
function sequenceEnd(text: string, at: number): number {
  const kind = text[at + 1];
  if (kind === undefined) return INCOMPLETE;
  if (kind === ']' || kind === 'P' || kind === 'X' || kind === '^' || kind === '_') {
    // A string sequence (OSC, DCS …): ends at BEL or ESC \.
    for (let i = at + 2; i < text.length; i++) {
      if (text[i] === '\x07') return i + 1;
      if (text[i] === '\x1b') {
        if (i + 1 >= text.length) return INCOMPLETE;
        if (text[i + 1] === '\\') return i + 2;
      }
    }
    return text.length - at > MAX_SEQUENCE ? text.length : INCOMPLETE;
  }
  if (kind === '[') {
    CSI_BODY.lastIndex = at + 1;
    if (CSI_BODY.test(text)) return CSI_BODY.lastIndex;
    return CSI_PREFIX.test(text.slice(at + 1)) && text.length - at <= MAX_SEQUENCE ? INCOMPLETE : at + 1;
  }
  ESC_BODY.lastIndex = at + 1;
  if (ESC_BODY.test(text)) return ESC_BODY.lastIndex;
  return ESC_PREFIX.test(text.slice(at + 1)) ? INCOMPLETE : at + 1;
}

/** Removes escape sequences and stray control characters from text that holds only complete sequences. */
export function stripTerminalCodes(text: string): string {
  const cleaner = createTerminalCleaner();
  return cleaner.push(text) + cleaner.flush();
}

export interface TerminalCleaner {
  /** Plain text for this chunk; a sequence or `\r\n` cut by the chunk's end is held back for the next one. */
  push(chunk: string): string;
  /** What is still held back, once the stream has ended (an unfinished sequence is dropped). */
  flush(): string;
}

/**
 * A stateful cleaner for a stream whose chunks may cut an escape sequence in two: strips ANSI CSI (colours, cursor),
 * OSC/DCS strings (window titles, hyperlinks), two-character escapes and control characters, and turns `\r\n` into `\n`.
 * A lone `\r` (a spinner redrawing its line) is kept: line splitters decide what it means. With
 * `redrawAsCarriageReturn`, a move to the start of the line becomes a `\r` too (npm's progress output).
 */
export function createTerminalCleaner(options: { redrawAsCarriageReturn?: boolean } = {}): TerminalCleaner {
  let held = '';
  const clean = (text: string) => text.replace(CONTROL, '').replace(/\r\n/g, '\n');
  return {
    push(chunk) {
      const text = held + chunk;
      held = '';
      let out = '';
      let i = 0;
      while (i < text.length) {
        const esc = text.indexOf('\x1b', i);
        if (esc < 0) {
          out += text.slice(i);
          break;
        }
        out += text.slice(i, esc);
        const end = sequenceEnd(text, esc);
        if (end === INCOMPLETE) {
          held = text.slice(esc);
          break;
        }
        if (options.redrawAsCarriageReturn && TO_LINE_START.test(text.slice(esc, end))) out += '\r';
        i = end;
      }
      if (!held && out.endsWith('\r')) {
        held = '\r';
        out = out.slice(0, -1);
      }
      return clean(out);
    },
    flush() {
      const rest = held.startsWith('\x1b') ? '' : held;
      held = '';
      return clean(rest);
    },
  };
}

/** Splits a cleaned stream into lines; `\r` ends a line too (progress redraws), and the unfinished tail waits. */
export function createLineSplitter(onLine: (line: string) => void): { push(text: string): void; flush(): void } {
  let partial = '';
  return {
    push(text) {
      const parts = (partial + text).split(/\r|\n/);
      partial = parts.pop() ?? '';
      for (const line of parts) onLine(line);
    },
    flush() {
      if (partial) onLine(partial);
      partial = '';
    },
  };
}

/** A spinner frame: braille dots, or one of | / - \ followed by a space. */
const SPINNER_PREFIX = /^\s*(?:[\u2800-\u28ff]+\s*|[|/\\-]\s+)*/u;
const ONLY_SPINNER = /^[\s\u2800-\u28ff|/\\-]*$/u;

/** The words of an install output line, without a leading spinner; undefined when nothing is left. */
export function meaningfulLine(line: string): string | undefined {
  if (ONLY_SPINNER.test(line)) return undefined;
  const text = line.replace(SPINNER_PREFIX, '').trim();
  if (!text) return undefined;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
