// Parses a tools source: every exported, JSDoc-documented function becomes a tool; problems come back placed.
import ts from 'typescript';
import { jsDocText, typeToSchema, UnsupportedType, withoutUndefined, type TypeScope } from './type-to-schema';
import type { CompiledTools, JsonSchema, SourceDiagnostic, ToolParameter, ToolSpec, TypeDeclaration } from './types';

const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined NaN Infinity').split(' '),
);

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

export function compileTools(source: string): CompiledTools {
  const sf = ts.createSourceFile('tools.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const errors: SourceDiagnostic[] = [];
  const report = (node: ts.Node, message: string) => errors.push({ message, ...position(sf, node.getStart(sf)) });

  const output = ts.transpileModule(source, {
    reportDiagnostics: true,
    fileName: 'tools.ts',
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, removeComments: true },
  });
  for (const d of output.diagnostics ?? []) {
    errors.push({ message: ts.flattenDiagnosticMessageText(d.messageText, '\n'), ...position(sf, d.start ?? 0) });
  }

  const declarations = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
  for (const stmt of sf.statements) {
    if (ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) declarations.set(stmt.name.text, stmt);
  }
  const scope: TypeScope = { sourceFile: sf, declarations, used: new Set() };

  const tools: ToolSpec[] = [];
  const functionNames: string[] = [];
  const toolNodes = new Map<string, ts.Node>();

  const addTool = (name: ts.Identifier, fn: FunctionLike, docHost: ts.Node) => {
    const spec = toolSpec(name, fn, docHost, sf, scope, report);
    if (!spec) return;
    if (toolNodes.has(spec.name)) {
      report(name, `there is already a tool named \`${spec.name}\`; tool names must be unique`);
      return;
    }
    toolNodes.set(spec.name, name);
    tools.push(spec);
  };

  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) || ts.isImportEqualsDeclaration(stmt)) {
      report(stmt, 'imports are not available: tools run in a sandbox with no modules, so write everything in this source');
    } else if (ts.isExportAssignment(stmt)) {
      report(stmt, 'default exports are not tools: export named functions instead (`export function name(…)`)');
    } else if (ts.isExportDeclaration(stmt)) {
      report(stmt, 'export functions where they are declared (`export function name(…)`), not in an export list');
    } else if (ts.isFunctionDeclaration(stmt)) {
      if (!stmt.name) {
        report(stmt, 'a tool needs a name: `export function name(…)`');
        continue;
      }
      if (!stmt.body) continue; // an overload signature; the implementation follows
      functionNames.push(stmt.name.text);
      if (hasModifier(stmt, ts.SyntaxKind.DefaultKeyword)) {
        report(stmt, 'default exports are not tools: export named functions instead (`export function name(…)`)');
      } else if (hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) {
        addTool(stmt.name, stmt, stmt);
      }
    } else if (ts.isVariableStatement(stmt)) {
      const exported = hasModifier(stmt, ts.SyntaxKind.ExportKeyword);
      for (const decl of stmt.declarationList.declarations) {
        const init = decl.initializer && unwrap(decl.initializer);
        const isFunction = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
        if (ts.isIdentifier(decl.name) && isFunction) functionNames.push(decl.name.text);
        if (!exported) continue;
        if (!ts.isIdentifier(decl.name) || !isFunction) {
          report(decl, 'only functions can be exported as tools; remove `export` from values');
          continue;
        }
        addTool(decl.name, init as ts.ArrowFunction | ts.FunctionExpression, stmt);
      }
    } else if (hasModifier(stmt, ts.SyntaxKind.ExportKeyword) && !ts.isInterfaceDeclaration(stmt) && !ts.isTypeAliasDeclaration(stmt)) {
      report(stmt, 'only functions can be exported as tools; remove `export` here');
    }
  }

  const js = output.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, '');
  const types: TypeDeclaration[] = [...declarations.values()]
    .filter((d) => scope.used.has(d.name.text))
    .map((d) => ({ name: d.name.text, text: declarationText(d, sf) }));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { tools, js, errors, functionNames, types };
}

function toolSpec(
  nameNode: ts.Identifier,
  fn: FunctionLike,
  docHost: ts.Node,
  sf: ts.SourceFile,
  scope: TypeScope,
  report: (node: ts.Node, message: string) => void,
): ToolSpec | undefined {
  const name = nameNode.text;
  let ok = true;
  const fail = (node: ts.Node, message: string) => {
    ok = false;
    report(node, message);
  };
  if (name === 'final_answer') fail(nameNode, '`final_answer` is built in and always available; give your tool another name');
  else if (!NAME.test(name) || RESERVED.has(name)) fail(nameNode, `\`${name}\` can't be a tool name: use letters, digits and _ (not a JavaScript keyword)`);

  const docs = ts.getJSDocCommentsAndTags(docHost).filter(ts.isJSDoc);
  const description = jsDocText(docHost);
  if (docs.length === 0) {
    fail(nameNode, `tool \`${name}\` needs a JSDoc comment (/** … */) above it: the model reads it as the tool's description`);
  } else if (!description) {
    fail(nameNode, `the JSDoc of \`${name}\` has no description: say what the tool does`);
  }
  const tags = docs.flatMap((d) => d.tags ?? []);
  const paramTags = new Map<string, ts.JSDocParameterTag>();
  for (const tag of tags) if (ts.isJSDocParameterTag(tag)) paramTags.set(tag.name.getText(sf), tag);
  const returnsTag = tags.find(ts.isJSDocReturnTag);

  const parameters: ToolParameter[] = [];
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const param of fn.parameters) {
    if (!ts.isIdentifier(param.name)) {
      fail(param, `destructured parameters are not supported in \`${name}\`: take a named parameter with an object type instead`);
      continue;
    }
    const pname = param.name.text;
    if (param.dotDotDotToken) {
      fail(param, `rest parameters (\`...${pname}\`) are not supported: take an array instead`);
      continue;
    }
    const tag = paramTags.get(pname);
    const pdesc = tag ? (ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/^[-\s]+/, '').trim() : '';
    if (docs.length > 0 && !tag) fail(param, `parameter \`${pname}\` of \`${name}\` needs an \`@param ${pname} …\` line in the JSDoc`);
    else if (tag && !pdesc) fail(tag, `\`@param ${pname}\` needs a description`);

    const defaultValue = param.initializer ? literalValue(param.initializer) : undefined;
    let schema: JsonSchema = {};
    let typeText = 'unknown';
    let optional = !!param.questionToken || !!param.initializer;
    if (param.type) {
      typeText = param.type.getText(sf);
      const { type, hadUndefined } = withoutUndefined(param.type);
      optional ||= hadUndefined;
      try {
        schema = type ? typeToSchema(type, scope) : {};
      } catch (error) {
        if (!(error instanceof UnsupportedType)) throw error;
        fail(error.node, `parameter \`${pname}\`: ${error.message}`);
      }
    } else if (defaultValue && defaultValue.value !== null) {
      typeText = typeof defaultValue.value;
      schema = { type: typeText as 'string' | 'number' | 'boolean' };
    } else {
      fail(param, `parameter \`${pname}\` of \`${name}\` needs a type annotation, e.g. \`${pname}: string\``);
    }
    if (pdesc) schema = { ...schema, description: pdesc };
    if (defaultValue) schema = { ...schema, default: defaultValue.value };
    properties[pname] = schema;
    if (!optional) required.push(pname);
    parameters.push({
      name: pname,
      description: pdesc,
      typeText,
      schema,
      optional,
      ...(defaultValue ? { default: defaultValue.value } : {}),
    });
  }
  for (const [tagName, tag] of paramTags) {
    if (!fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === tagName)) {
      fail(tag, `\`@param ${tagName}\` names no parameter of \`${name}\``);
    }
  }

  const returnType = fn.type ? unwrapPromise(fn.type, sf) : undefined;
  const isAsync = hasModifier(fn, ts.SyntaxKind.AsyncKeyword) || (returnType?.wasPromise ?? false);
  if (returnType) {
    // Reached types are shown to the model; unsupported return types are still fine to show as text.
    try {
      typeToSchema(returnType.node, scope);
    } catch {
      /* the return type is only displayed */
    }
  }
  if (!ok) return undefined;
  const returnsDesc = returnsTag ? (ts.getTextOfJSDocComment(returnsTag.comment) ?? '').trim() : '';
  return {
    name,
    description,
    parameters,
    inputSchema: { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false },
    returns: { typeText: returnType ? returnType.node.getText(sf) : 'unknown', ...(returnsDesc ? { description: returnsDesc } : {}) },
    async: isAsync,
    line: position(sf, nameNode.getStart(sf)).line,
  };
}

function unwrapPromise(node: ts.TypeNode, sf: ts.SourceFile): { node: ts.TypeNode; wasPromise: boolean } {
  if (ts.isTypeReferenceNode(node) && node.typeName.getText(sf) === 'Promise' && node.typeArguments?.length === 1) {
    return { node: node.typeArguments[0]!, wasPromise: true };
  }
  return { node, wasPromise: false };
}

function literalValue(node: ts.Expression): { value: string | number | boolean | null } | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { value: node.text };
  if (ts.isNumericLiteral(node)) return { value: Number(node.text) };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { value: -Number(node.operand.text) };
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { value: null };
  return undefined;
}

function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n)) n = n.expression;
  return n;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function position(sf: ts.SourceFile, pos: number): { line: number; column: number } {
  const { line, character } = sf.getLineAndCharacterOfPosition(pos);
  return { line: line + 1, column: character + 1 };
}

function declarationText(decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration, sf: ts.SourceFile): string {
  return sf.text.slice(decl.getStart(sf, true), decl.end).replace(/^((?:\/\*\*[\s\S]*?\*\/\s*)?)export\s+/, '$1');
}
