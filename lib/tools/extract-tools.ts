// Takes chosen tools out of another tools source, with the helpers, types and constants they use, as code to append
// to this playground's source. Text only: nothing of it is run here.
import ts from 'typescript';

/** One top-level declaration of a tools source (a function, interface, type, constant …) with its comments. */
interface Declaration {
  names: string[];
  /** The statement's text, comments above it included. */
  text: string;
  /** The top-level names its text mentions. */
  uses: Set<string>;
  exported: boolean;
  /** Where `export` starts and ends in `text` (to take it off a tool brought along only as a helper). */
  exportSpan?: [number, number];
}

interface Outline {
  declarations: Declaration[];
  byName: Map<string, Declaration>;
}

function outline(source: string): Outline {
  const sf = ts.createSourceFile('tools.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const declarations: Declaration[] = [];
  for (const stmt of sf.statements) {
    const names = declaredNames(stmt);
    if (names.length === 0) continue;
    const start = stmt.getFullStart();
    const text = source.slice(start, stmt.getEnd()).replace(/^\s*\n/, '');
    const offset = stmt.getEnd() - start - text.length;
    const exportKeyword = ts.canHaveModifiers(stmt) ? ts.getModifiers(stmt)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword) : undefined;
    const declaration: Declaration = { names, text, uses: new Set(), exported: exportKeyword !== undefined };
    if (exportKeyword) {
      const from = exportKeyword.getStart(sf) - start - offset;
      let to = exportKeyword.getEnd() - start - offset;
      while (/\s/.test(text[to] ?? '')) to++;
      declaration.exportSpan = [from, to];
    }
    declarations.push(declaration);
  }
  const byName = new Map<string, Declaration>();
  for (const d of declarations) for (const n of d.names) if (!byName.has(n)) byName.set(n, d);
  // Every identifier of a declaration that names another top-level declaration (property names too: a helper too many
  // costs nothing, a helper missing breaks the tool).
  for (const d of declarations) {
    const scan = ts.createSourceFile('piece.ts', d.text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && byName.has(node.text) && !d.names.includes(node.text)) d.uses.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(scan);
  }
  return { declarations, byName };
}

function declaredNames(stmt: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || ts.isEnumDeclaration(stmt)) {
    return stmt.name ? [stmt.name.text] : [];
  }
  if (ts.isVariableStatement(stmt)) return stmt.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isBindingElement(e) ? bindingNames(e.name) : []));
}

/** The declarations a tool needs: itself and, transitively, what it uses, in source order. */
function closure(o: Outline, tool: string): Declaration[] {
  const wanted = new Set<Declaration>();
  const add = (name: string) => {
    const d = o.byName.get(name);
    if (!d || wanted.has(d)) return;
    wanted.add(d);
    for (const used of d.uses) add(used);
  };
  add(tool);
  return o.declarations.filter((d) => wanted.has(d));
}

export interface ToolExtract {
  name: string;
  /** The tool's code with everything it needs from its source, as it would be appended. */
  code: string;
  /** The other top-level names that code declares (helpers, types, constants). */
  helpers: string[];
}

/** Each exported tool of `source` with what it needs (`tools`: the tool names, as the tools analysis found them). */
export function extractTools(source: string, tools: readonly string[]): ToolExtract[] {
  const o = outline(source);
  return tools.flatMap((name) => {
    const pieces = closure(o, name);
    if (pieces.length === 0) return [];
    return [{ name, code: pieces.map((d) => d.text).join('\n\n'), helpers: pieces.flatMap((d) => d.names).filter((n) => n !== name) }];
  });
}

export type ImportCode = { ok: true; code: string; added: string[]; alreadyThere: string[] } | { ok: false; problems: string[] };

/**
 * The code to append to `target` for the `chosen` tools of `source`, each under a line comment from `noteFor(name)`.
 * A declaration `target` already has word for word is not added again; a name `target` already uses for something
 * else is a clash, refused with a message naming it (rename one of the two first).
 * `reserved`: names taken outside the tools source (built-in tools, team members).
 */
export function importToolsCode(source: string, chosen: readonly string[], target: string, noteFor: (tool: string) => string, reserved: readonly string[] = []): ImportCode {
  const from = outline(source);
  const into = outline(target);
  const problems: string[] = [];
  const alreadyThere: string[] = [];
  const blocks: string[] = [];
  const taken = new Set<Declaration>();
  for (const tool of chosen) {
    const d = from.byName.get(tool);
    if (!d) {
      problems.push(`The link has no tool named \`${tool}\`.`);
      continue;
    }
    const pieces: string[] = [];
    for (const piece of closure(from, tool)) {
      if (taken.has(piece)) continue;
      taken.add(piece);
      const isTool = piece === d;
      // A tool brought along only because a chosen one calls it stays a helper: not exported, so not offered to the model.
      const text = !isTool && piece.exported && piece.exportSpan && !chosen.some((c) => piece.names.includes(c)) ? piece.text.slice(0, piece.exportSpan[0]) + piece.text.slice(piece.exportSpan[1]) : piece.text;
      const clashes = piece.names.filter((n) => into.byName.has(n) || reserved.includes(n));
      if (clashes.length === 0) {
        pieces.push(text);
        continue;
      }
      const same = clashes.every((n) => into.byName.get(n)?.text.trim() === piece.text.trim());
      if (same) {
        if (isTool) alreadyThere.push(tool);
        continue;
      }
      for (const n of clashes) {
        problems.push(
          n === tool
            ? `\`${tool}\` is already the name of ${reserved.includes(n) ? 'a built-in tool or team member' : 'something else'} in your playground: rename yours first, or leave this one out.`
            : `\`${tool}\` needs \`${n}\`, and your tools already have a different \`${n}\`: rename yours first, or leave \`${tool}\` out.`,
        );
      }
    }
    if (pieces.length > 0 && !alreadyThere.includes(tool)) blocks.push(`${noteFor(tool)}\n${pieces.join('\n\n')}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const added = chosen.filter((t) => !alreadyThere.includes(t));
  return { ok: true, code: blocks.join('\n\n'), added, alreadyThere };
}

/** `target` with `code` appended after a blank line. */
export function appendCode(target: string, code: string): string {
  if (!code) return target;
  const trimmed = target.replace(/\s+$/, '');
  return trimmed ? `${trimmed}\n\n${code}\n` : `${code}\n`;
}

/** A one-line `//` comment: line breaks (which would end the comment and let the rest run as code) become spaces. */
export function lineComment(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return `// ${flat.length > 300 ? `${flat.slice(0, 299)}…` : flat}`;
}
