// Images named in text someone else wrote (a shared tool's JSDoc, a model's thought) are shown as text, never
// fetched: an image URL is a beacon that tells its owner who looked, and when.

/** How an image is shown instead: `[image: alt — url]`. */
export function imageAsText(alt: string | undefined, src: string | undefined): string {
  return `[image: ${alt?.trim() || 'no description'}${src ? ` — ${src}` : ''}]`;
}

const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_IMAGE = /!\[([^\]]*)\]\[[^\]]*\]/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/**
 * Markdown with every image (inline `![a](u)`, reference `![a][r]`, HTML `<img>`) replaced by its text form, the
 * brackets escaped so the result is not read as a link or an image again.
 */
export function imagesAsText(markdown: string): string {
  const escape = (text: string) => text.replace(/[[\]]/g, (c) => `\\${c}`);
  return markdown
    .replace(MARKDOWN_IMAGE, (_m, alt: string, src: string) => escape(imageAsText(alt, src)))
    .replace(REFERENCE_IMAGE, (_m, alt: string) => escape(imageAsText(alt, undefined)))
    .replace(HTML_IMAGE, (tag) => escape(imageAsText(attribute(tag, 'alt'), attribute(tag, 'src'))));
}
