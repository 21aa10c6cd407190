import { Ajv2020 } from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { JsonSchema } from "../plugin.js";
import { formatSchemaErrors } from "./schema-errors.js";
import type { SchemaIssue } from "./schema-errors.js";

// validateSchema: false skips compiling the draft 2020-12 meta-schema, a large share of validate's cold start.
let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function instance(): Ajv2020 {
  ajv ??= new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, validateFormats: false, addUsedSchema: false, validateSchema: false, code: { optimize: false } });
  return ajv;
}

/** Compiles a schema once (by identity) and returns its validator. Throws if the schema itself is invalid. */
export function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = instance().compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validates `data`; the issues' pointers are relative to `data`, which messages call `rootLabel`. */
export function validateAgainst(schema: JsonSchema, data: unknown, rootLabel?: string): SchemaIssue[] {
  const validate = validatorFor(schema);
  if (validate(data)) return [];
  return formatSchemaErrors((validate.errors ?? []) as ErrorObject[], rootLabel);
}
