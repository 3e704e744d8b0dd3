// Splits JavaScript into classed tokens, line by line, for the timeline's read-only code view (acorn's tokenizer).
import { tokenizer, type Token } from 'acorn';

export type TokenClass = 'keyword' | 'string' | 'number' | 'comment' | 'regexp' | 'name' | 'punct' | 'plain';
export interface Span {
  text: string;
  cls: TokenClass;
}

const KEYWORD_NAMES = new Set(['async', 'await', 'of', 'let', 'undefined']);

function classOf(token: Token): TokenClass {
  const label = token.type.label;
  if (token.type.keyword) return 'keyword';
  if (label === 'string' || label === 'template' || label === '`') return 'string';
  if (label === 'num' || label === 'bigint') return 'number';
  if (label === 'regexp') return 'regexp';
  if (label === 'name') return KEYWORD_NAMES.has(String((token as { value?: unknown }).value)) ? 'keyword' : 'name';
  return 'punct';
}

/** Tokens as spans covering every character of the code; code that does not tokenize shows plain from there on. */
export function highlightJs(code: string): Span[][] {
  const marks: { start: number; end: number; cls: TokenClass }[] = [];
  try {
    const tokens = tokenizer(code, {
      ecmaVersion: 'latest',
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
      allowHashBang: true,
      onComment: (_block, _text, start, end) => marks.push({ start, end, cls: 'comment' }),
    });
    for (const token of tokens) marks.push({ start: token.start, end: token.end, cls: classOf(token) });
  } catch {
    // The rest stays plain: a half-written snippet still reads.
  }
  marks.sort((a, b) => a.start - b.start);

  const spans: Span[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) spans.push({ text: code.slice(at, mark.start), cls: 'plain' });
    spans.push({ text: code.slice(mark.start, mark.end), cls: mark.cls });
    at = mark.end;
  }
  if (at < code.length) spans.push({ text: code.slice(at), cls: 'plain' });
  return splitLines(spans);
}

function splitLines(spans: Span[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const span of spans) {
    const parts = span.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ text: part, cls: span.cls });
    });
  }
  return lines;
}
