// The shapes that describe a user's tools to the agent, the model and the editor.

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** The subset of JSON Schema our tool descriptions use (MCP servers' schemas also use type lists, const, oneOf …). */
export interface JsonSchema {
  type?: JsonSchemaType | JsonSchemaType[];
  description?: string;
  enum?: (string | number | boolean | null)[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  format?: string;
  $ref?: string;
  default?: unknown;
}

export interface ToolParameter {
  name: string;
  /** From the tool's `@param` tag. */
  description: string;
  /** The TypeScript type as written, e.g. `"celsius" | "fahrenheit"`. */
  typeText: string;
  schema: JsonSchema;
  optional: boolean;
  /** The default value when the parameter has a literal default (`unit = "celsius"`). */
  default?: unknown;
}

export interface ToolSpec {
  name: string;
  /** The JSDoc text above the function (without tags). */
  description: string;
  parameters: ToolParameter[];
  /** JSON Schema of the named arguments object: `{type:'object', properties, required, additionalProperties:false}`. */
  inputSchema: JsonSchema;
  /** Return type shown to the model, Promise unwrapped. */
  returns: { typeText: string; description?: string };
  /** Declared `async` or returning a Promise: the model's code must `await` it. */
  async: boolean;
  /** 1-based line of the declaration in the tools source (0 for built-ins). */
  line: number;
}

/** An interface or type alias of the tools source that a tool's types refer to; shown to the model. */
export interface TypeDeclaration {
  name: string;
  /** Its source text with its doc comment, `export` removed. */
  text: string;
}

/** A problem in the tools source, placed so an editor can mark it. Lines and columns are 1-based. */
export interface SourceDiagnostic {
  message: string;
  line: number;
  column: number;
}

export interface CompiledTools {
  /** The tools the model sees, in source order (without `final_answer`). */
  tools: ToolSpec[];
  /**
   * Plain JavaScript (a script body, no import/export) compiled from the source. Run inside a function
   * whose parameters are `(exports, fetch)`, it defines every function of the source and assigns each
   * exported one to `exports[name]`.
   */
  js: string;
  /** Empty when the source is usable. */
  errors: SourceDiagnostic[];
  /** Names of every top-level function in the source, exported or not (final-answer checks use these). */
  functionNames: string[];
  /** Interfaces and type aliases the tools refer to, in source order. */
  types: TypeDeclaration[];
}
