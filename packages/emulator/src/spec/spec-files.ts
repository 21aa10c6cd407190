import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SPEC_DIR = new URL("../../spec/", import.meta.url);

export const COMPUTE_SWAGGER = new URL("source/machineLearningServices-2021-07-01.compute-definitions.json", SPEC_DIR);
export const COMMON_TYPES = new URL("source/common-types-v2-types.excerpt.json", SPEC_DIR);
/** The converted schema, checked in (regenerate: SPEC_WRITE=1 npx vitest run src/spec). */
export const COMPUTE_SCHEMA = new URL("compute-2021-07-01.schema.json", SPEC_DIR);

export function readJson<T>(url: URL): T {
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as T;
}
