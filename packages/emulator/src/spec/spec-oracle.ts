import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { COMPUTE_SCHEMA, readJson } from "./spec-files.js";

/** Definitions of the converted spec a body is checked against. */
export type SpecKind =
  | "ComputeResource" | "ClusterUpdateParameters" | "PaginatedComputeResourcesList"
  | "AmlComputeNodesInformation" | "ComputeSecrets" | "common.ErrorResponse";

/** Compute types the 2021-07-01 spec does not define: bodies with them are not checked (the oracle has nothing to say). */
export const UNSPECIFIED_COMPUTE_TYPES: readonly string[] = ["Batch", "Kubernetes"];

/** Null is absent: Azure sends nulls for many keys the spec does not mark nullable. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

// ajv is CommonJS: load it the way core does
const { Ajv } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
let ajv: InstanceType<typeof Ajv> | undefined;
const compiled = new Map<SpecKind, ValidateFunction>();

function validator(kind: SpecKind): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema(readJson<object>(COMPUTE_SCHEMA), "spec");
  }
  let v = compiled.get(kind);
  if (!v) {
    v = ajv.getSchema(`spec#/definitions/${kind}`)!;
    compiled.set(kind, v);
  }
  return v;
}

const KINDS: readonly SpecKind[] = ["ComputeResource", "ClusterUpdateParameters", "PaginatedComputeResourcesList", "AmlComputeNodesInformation", "ComputeSecrets", "common.ErrorResponse"];

/** Compiles every validator now (about half a second), so no request pays for it and timings stay as without the oracle. */
export function warmUpSpecOracle(): void {
  for (const kind of KINDS) validator(kind);
}

/** The spec's complaints about a body ("/properties/properties/vmSize: must be string"), none when it conforms. */
export function specProblems(kind: SpecKind, body: unknown): string[] {
  const validate = validator(kind);
  if (validate(withoutNulls(body))) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== "if").map((e) => `${kind}${e.instancePath || "/"}: ${e.message ?? e.keyword}`);
}
