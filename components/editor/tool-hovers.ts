// Hovers in the tools editor, from the TypeScript service, with JSDoc images shown as text: a shared tool's comment
// must not make the browser fetch anything (Monaco's own hover would load the image).
import type * as Monaco from 'monaco-editor';
import { imagesAsText } from '@/lib/tools/images-as-text';

interface DisplayPart {
  text: string;
}
interface QuickInfo {
  textSpan: { start: number; length: number };
  displayParts?: DisplayPart[];
  documentation?: DisplayPart[];
  tags?: { name: string; text?: DisplayPart[] | string }[];
}

const join = (parts: DisplayPart[] | string | undefined) => (typeof parts === 'string' ? parts : (parts ?? []).map((p) => p.text).join(''));

/** The hover's markdown: the signature as code, then the documentation and tags with their images as text. */
export function hoverMarkdown(info: QuickInfo): string[] {
  const signature = join(info.displayParts);
  const docs = join(info.documentation);
  const tags = (info.tags ?? []).map((tag) => `*@${tag.name}*${join(tag.text) ? ` — ${join(tag.text)}` : ''}`).join('  \n');
  return [signature && `\`\`\`typescript\n${signature}\n\`\`\``, imagesAsText(docs), imagesAsText(tags)].filter(Boolean);
}

let registered = false;

export function registerToolHovers(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  const defaults = monaco.typescript.typescriptDefaults;
  defaults.setModeConfiguration({ ...defaults.modeConfiguration, hovers: false });
  monaco.languages.registerHoverProvider('typescript', {
    async provideHover(model, position) {
      const worker = await (await monaco.typescript.getTypeScriptWorker())(model.uri);
      if (model.isDisposed()) return null;
      const info = (await worker.getQuickInfoAtPosition(model.uri.toString(), model.getOffsetAt(position))) as QuickInfo | undefined;
      if (!info || model.isDisposed()) return null;
      const start = model.getPositionAt(info.textSpan.start);
      const end = model.getPositionAt(info.textSpan.start + info.textSpan.length);
      return {
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        contents: hoverMarkdown(info).map((value) => ({ value, supportHtml: false, isTrusted: false })),
      };
    },
  });
}
