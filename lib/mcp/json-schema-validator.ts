// The SDK's output-schema check done by the app's own validator: the SDK's default (Ajv) compiles schemas with
// `new Function`, which the page's Content Security Policy forbids, and a hostile schema should never become code.
import type { jsonSchemaValidator, JsonSchemaType, JsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { validateArguments } from '../tools/validate-arguments';
import type { JsonSchema } from '../tools/types';

export const appJsonSchemaValidator: jsonSchemaValidator = {
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    return (input: unknown) => {
      const problems = validateArguments(schema as JsonSchema, input);
      return problems.length === 0
        ? { valid: true, data: input as T, errorMessage: undefined }
        : { valid: false, data: undefined, errorMessage: problems.join('; ').replace(/argument `/g, 'field `').replace(/the arguments/g, 'the result') };
    };
  },
};
