import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from "ajv/dist/2020.js";
import type { JsonSchema } from "../plugin.js";
import { int32Issues } from "./int32-bounds.js";
import { formatSchemaErrors } from "./schema-errors.js";
import type { SchemaIssue } from "./schema-errors.js";
import { cacheKey, readCachedValidator, writeCachedValidator } from "./validator-cache.js";

// validateSchema: false skips compiling the draft 2020-12 meta-schema; optimize: false a third of the code generation.
const OPTIONS: Options = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true, validateFormats: false, addUsedSchema: false, validateSchema: false, code: { optimize: false, source: true } };
const requireHere = createRequire(import.meta.url);
let ajv: Ajv2020 | undefined;
let salt: string | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

// ajv loads lazily: a run whose validators all come from the cache never loads it.
function instance(): Ajv2020 {
  if (!ajv) {
    const { Ajv2020: Ajv } = requireHere("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    ajv = new Ajv(OPTIONS);
  }
  return ajv;
}

function cacheSalt(): string {
  salt ??= `${(requireHere("ajv/package.json") as { version: string }).version} ${JSON.stringify(OPTIONS)}`;
  return salt;
}

/** Where a validator came from; for tests. */
export type ValidatorOrigin = "memory" | "disk" | "compiled";

export function loadValidator(schema: JsonSchema): { validate: ValidateFunction; origin: ValidatorOrigin } {
  const known = compiled.get(schema);
  if (known) return { validate: known, origin: "memory" };
  const key = cacheKey(schema, cacheSalt());
  let validate = readCachedValidator(key);
  const origin: ValidatorOrigin = validate ? "disk" : "compiled";
  if (!validate) {
    validate = instance().compile(schema);
    writeCachedValidator(key, () => {
      const { default: standaloneCode } = requireHere("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js");
      return standaloneCode(instance(), validate);
    });
  }
  compiled.set(schema, validate);
  return { validate, origin };
}

/** Compiles a schema once (by identity, and across runs through the disk cache). Throws if the schema itself is invalid. */
export function validatorFor(schema: JsonSchema): ValidateFunction {
  return loadValidator(schema).validate;
}

/** Validates `data`; the issues' pointers are relative to `data`, which messages call `rootLabel`. */
export function validateAgainst(schema: JsonSchema, data: unknown, rootLabel?: string): SchemaIssue[] {
  const validate = validatorFor(schema);
  if (validate(data)) return int32Issues(schema, data);
  return formatSchemaErrors((validate.errors ?? []) as ErrorObject[], rootLabel);
}
