// TypeScript type annotations → the JSON Schema a tool-calling model reads.
import ts from 'typescript';
import type { JsonSchema } from './types';

export class UnsupportedType extends Error {
  constructor(
    readonly node: ts.Node,
    message: string,
  ) {
    super(message);
  }
}

export interface TypeScope {
  sourceFile: ts.SourceFile;
  /** Interfaces and type aliases declared in the tools source. */
  declarations: Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>;
  /** Names of declarations reached, for showing them to the model. */
  used: Set<string>;
}

const SUPPORTED = 'use string, number, boolean, arrays, object types, interfaces or string-literal unions';

export function typeToSchema(node: ts.TypeNode, scope: TypeScope, seen: readonly string[] = []): JsonSchema {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.NullKeyword:
      return { type: 'null' };
    case ts.SyntaxKind.UnknownKeyword:
      return {};
    case ts.SyntaxKind.AnyKeyword:
      throw new UnsupportedType(node, 'type `any` is not supported; use `unknown` for any JSON value');
  }
  if (ts.isParenthesizedTypeNode(node)) return typeToSchema(node.type, scope, seen);
  if (ts.isLiteralTypeNode(node)) return literalSchema(node);
  if (ts.isArrayTypeNode(node)) return { type: 'array', items: typeToSchema(node.elementType, scope, seen) };
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return typeToSchema(node.type, scope, seen);
  if (ts.isUnionTypeNode(node)) return unionSchema(node, scope, seen);
  if (ts.isTypeLiteralNode(node)) return membersSchema(node.members, scope, seen);
  if (ts.isTypeReferenceNode(node)) return referenceSchema(node, scope, seen);
  if (ts.isTupleTypeNode(node)) throw new UnsupportedType(node, 'tuple types are not supported; use an array or an object');
  throw new UnsupportedType(node, `type \`${node.getText(scope.sourceFile)}\` is not supported; ${SUPPORTED}`);
}

/** `T | undefined` members are dropped: they make a parameter optional, which the caller decides. */
export function withoutUndefined(node: ts.TypeNode): { type: ts.TypeNode | undefined; hadUndefined: boolean } {
  if (!ts.isUnionTypeNode(node)) return { type: node, hadUndefined: false };
  const kept = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
  if (kept.length === node.types.length) return { type: node, hadUndefined: false };
  if (kept.length === 1) return { type: kept[0], hadUndefined: true };
  return { type: ts.factory.createUnionTypeNode(kept), hadUndefined: true };
}

function literalSchema(node: ts.LiteralTypeNode): JsonSchema {
  const lit = node.literal;
  if (ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit)) return { type: 'string', enum: [lit.text] };
  if (ts.isNumericLiteral(lit)) return { type: 'number', enum: [Number(lit.text)] };
  if (ts.isPrefixUnaryExpression(lit) && lit.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(lit.operand)) {
    return { type: 'number', enum: [-Number(lit.operand.text)] };
  }
  if (lit.kind === ts.SyntaxKind.TrueKeyword) return { type: 'boolean', enum: [true] };
  if (lit.kind === ts.SyntaxKind.FalseKeyword) return { type: 'boolean', enum: [false] };
  if (lit.kind === ts.SyntaxKind.NullKeyword) return { type: 'null' };
  throw new UnsupportedType(node, 'this literal type is not supported');
}

function unionSchema(node: ts.UnionTypeNode, scope: TypeScope, seen: readonly string[]): JsonSchema {
  const members = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
  const schemas = members.map((m) => typeToSchema(m, scope, seen));
  const nullable = schemas.some((s) => s.type === 'null' && !s.enum);
  const rest = schemas.filter((s) => !(s.type === 'null' && !s.enum));
  let merged: JsonSchema;
  if (rest.length === 1) {
    merged = rest[0]!;
  } else if (rest.every((s) => s.enum && s.type === rest[0]!.type)) {
    // "a" | "b" | "c" → one enum; true | false → boolean.
    const values = rest.flatMap((s) => s.enum!);
    merged = rest[0]!.type === 'boolean' && values.includes(true) && values.includes(false) ? { type: 'boolean' } : { type: rest[0]!.type, enum: values };
  } else {
    merged = { anyOf: rest };
  }
  if (!nullable) return merged;
  return { anyOf: [merged, { type: 'null' }] };
}

function membersSchema(members: ts.NodeArray<ts.TypeElement>, scope: TypeScope, seen: readonly string[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  let additional: JsonSchema | undefined;
  for (const member of members) {
    if (ts.isPropertySignature(member)) {
      if (!member.type) throw new UnsupportedType(member, `property \`${member.name.getText(scope.sourceFile)}\` needs a type`);
      if (!ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name)) {
        throw new UnsupportedType(member.name, 'computed property names are not supported');
      }
      const name = member.name.text;
      const { type, hadUndefined } = withoutUndefined(member.type);
      const schema = type ? typeToSchema(type, scope, seen) : {};
      const doc = jsDocText(member);
      properties[name] = doc ? { ...schema, description: doc } : schema;
      if (!member.questionToken && !hadUndefined) required.push(name);
    } else if (ts.isIndexSignatureDeclaration(member)) {
      additional = typeToSchema(member.type, scope, seen);
    } else {
      throw new UnsupportedType(member, 'only properties can describe an object here (no methods)');
    }
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: additional ?? false,
  };
}

function referenceSchema(node: ts.TypeReferenceNode, scope: TypeScope, seen: readonly string[]): JsonSchema {
  const name = node.typeName.getText(scope.sourceFile);
  const args = node.typeArguments ?? [];
  if ((name === 'Array' || name === 'ReadonlyArray') && args.length === 1) {
    return { type: 'array', items: typeToSchema(args[0]!, scope, seen) };
  }
  if (name === 'Record' && args.length === 2) {
    if (args[0]!.kind !== ts.SyntaxKind.StringKeyword) throw new UnsupportedType(node, 'Record keys must be `string`');
    return { type: 'object', additionalProperties: typeToSchema(args[1]!, scope, seen) };
  }
  return declaredSchema(name, node, scope, seen);
}

function declaredSchema(name: string, at: ts.Node, scope: TypeScope, seen: readonly string[]): JsonSchema {
  const decl = scope.declarations.get(name);
  if (!decl) {
    throw new UnsupportedType(at, `type \`${name}\` is not supported; ${SUPPORTED} declared in this source`);
  }
  if (decl.typeParameters?.length) throw new UnsupportedType(at, `generic type \`${name}\` is not supported`);
  if (seen.includes(name)) throw new UnsupportedType(at, `type \`${name}\` refers to itself; recursive types are not supported`);
  scope.used.add(name);
  const inner = [...seen, name];
  if (ts.isTypeAliasDeclaration(decl)) return typeToSchema(decl.type, scope, inner);
  let schema = membersSchema(decl.members, scope, inner);
  for (const clause of decl.heritageClauses ?? []) {
    for (const base of clause.types) {
      const baseSchema = declaredSchema(base.expression.getText(scope.sourceFile), base, scope, inner);
      const required = [...new Set([...(baseSchema.required ?? []), ...(schema.required ?? [])])];
      schema = {
        ...schema,
        properties: { ...baseSchema.properties, ...schema.properties },
        ...(required.length ? { required } : {}),
      };
    }
  }
  return schema;
}

/** The text of a node's JSDoc comment (without tags), or ''. */
export function jsDocText(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join('\n')
    .trim();
}
