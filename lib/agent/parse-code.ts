// Finds the code in a CodeAgent model answer: ```js / ```javascript / ```ts blocks, as models really write them, and
// smolagents' `<code>…</code>` blocks (the closing tag may be missing: it is that format's stop sequence).

export type CodeLanguage = 'js' | 'ts';

export interface ParsedCode {
  /** The text before the first code block: the model's thought. */
  thought: string;
  /** All code blocks joined with a blank line between them (as smolagents does). */
  code: string;
  language: CodeLanguage;
  blocks: number;
  /** The last block had no closing fence (a stop sequence or a cut stream); its code runs to the end. */
  unclosed: boolean;
}

export class CodeParseError extends Error {
  override name = 'CodeParseError';
}

const FENCE = /^[ \t]*```[ \t]*([A-Za-z]*)[ \t]*$/;
const JS_LANGS = new Set(['js', 'javascript', 'jsx', 'mjs']);
const TS_LANGS = new Set(['ts', 'typescript', 'tsx']);

export const EXPECTED_FORMAT = `Thought: your reasoning, in a sentence or two.
\`\`\`js
// your JavaScript code, e.g.
const result = await some_tool("argument");
console.log(result);
\`\`\``;

function formatError(why: string): CodeParseError {
  return new CodeParseError(
    `${why} Write a thought, then your JavaScript in one fenced block, like this:\n${EXPECTED_FORMAT}\nTo finish, call final_answer(answer) inside the block.`,
  );
}

const CODE_TAG = /<code>([\s\S]*?)(<\/code>|$)/g;

/** `<code>…</code>` blocks, when the answer has them: a fence inside a tag is taken off. */
function parseCodeTags(text: string): ParsedCode | undefined {
  const first = text.indexOf('<code>');
  if (first < 0) return undefined;
  const blocks = [...text.matchAll(CODE_TAG)].map((m) => ({
    code: m[1]!.replace(/^\s*```[ \t]*([A-Za-z]*)[ \t]*\n/, '').replace(/\n?```\s*$/, '').replace(/^\n+|\s+$/g, ''),
    lang: /^\s*```[ \t]*([A-Za-z]*)/.exec(m[1]!)?.[1]?.toLowerCase() ?? '',
    closed: m[2] !== '',
  }));
  const other = blocks.find((b) => b.lang !== '' && !JS_LANGS.has(b.lang) && !TS_LANGS.has(b.lang));
  if (other) throw formatError(`Your answer has a \`\`\`${other.lang} block, but only JavaScript runs here.`);
  const code = blocks.map((b) => b.code).filter((c) => c.trim() !== '').join('\n\n');
  if (!code) return undefined;
  return {
    thought: text.slice(0, first).trim(),
    code,
    language: blocks.some((b) => TS_LANGS.has(b.lang)) ? 'ts' : 'js',
    blocks: blocks.length,
    unclosed: !blocks.at(-1)!.closed,
  };
}

export function parseCode(text: string): ParsedCode {
  const inTags = text.includes('<code>') && !/^[ \t]*```/m.test(text.slice(0, text.indexOf('<code>'))) ? parseCodeTags(text) : undefined;
  if (inTags) return inTags;
  const lines = text.split(/\r?\n/);
  const blocks: { lang: string; lines: string[] }[] = [];
  const thought: string[] = [];
  let current: { lang: string; lines: string[] } | null = null;
  let unclosed = false;

  for (const line of lines) {
    const fence = FENCE.exec(line);
    if (current) {
      if (fence && fence[1] === '') {
        blocks.push(current);
        current = null;
      } else {
        current.lines.push(line);
      }
    } else if (fence) {
      current = { lang: fence[1]!.toLowerCase(), lines: [] };
    } else if (blocks.length === 0) {
      thought.push(line);
    }
  }
  if (current) {
    unclosed = true;
    blocks.push(current);
  }

  // Prefer blocks tagged as JS/TS; an untagged block counts only when there is no tagged one.
  const tagged = blocks.filter((b) => JS_LANGS.has(b.lang) || TS_LANGS.has(b.lang));
  const chosen = tagged.length > 0 ? tagged : blocks.filter((b) => b.lang === '');
  const code = chosen
    .map((b) => b.lines.join('\n').replace(/\s+$/, ''))
    .filter((c) => c.trim() !== '')
    .join('\n\n');

  if (!code) {
    const other = blocks.find((b) => b.lang !== '' && !JS_LANGS.has(b.lang) && !TS_LANGS.has(b.lang));
    throw formatError(other ? `Your answer has a \`\`\`${other.lang} block, but only JavaScript runs here.` : 'Your answer has no code block.');
  }
  const language: CodeLanguage = chosen.some((b) => TS_LANGS.has(b.lang)) ? 'ts' : 'js';
  return { thought: thought.join('\n').trim(), code, language, blocks: chosen.length, unclosed };
}
