import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SPEC_DIR = new URL("../../spec/", import.meta.url);

/** One api-version's REST spec: the excerpts it is converted from, and the converted schema, checked in. */
export interface SpecVersion {
  version: string;
  swagger: URL;
  common: URL;
  /** Regenerate: SPEC_WRITE=1 npx vitest run src/spec */
  schema: URL;
}

const spec = (version: string, common: string): SpecVersion => ({
  version,
  swagger: new URL(`source/machineLearningServices-${version}.compute-definitions.json`, SPEC_DIR),
  common: new URL(`source/${common}`, SPEC_DIR),
  schema: new URL(`compute-${version}.schema.json`, SPEC_DIR),
});

/** Every Machine Learning api-version the emulator serves has its spec here, oldest first. */
export const SPEC_VERSIONS: readonly SpecVersion[] = [
  spec("2021-07-01", "common-types-v2-types.excerpt.json"),
  spec("2022-10-01", "common-types-v3.excerpt.json"),
  spec("2023-04-01", "common-types-v3.excerpt.json"),
];

/** The spec that judges a request made with `apiVersion`: the newest not after it (the oldest for anything earlier). */
export function specFor(apiVersion: string | null | undefined): SpecVersion {
  const fitting = SPEC_VERSIONS.filter((s) => apiVersion && s.version <= apiVersion);
  return fitting.at(-1) ?? SPEC_VERSIONS[0]!;
}

export function readJson<T>(url: URL): T {
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as T;
}
