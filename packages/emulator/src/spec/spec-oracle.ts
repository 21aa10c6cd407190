import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { readJson, SPEC_VERSIONS, specFor } from "./spec-files.js";

/** Definitions of the converted spec a body is checked against. */
export type SpecKind =
  | "ComputeResource" | "ClusterUpdateParameters" | "PaginatedComputeResourcesList"
  | "AmlComputeNodesInformation" | "ComputeSecrets" | "common.ErrorResponse"
  | "ComputeSchedules" | "IdleShutdownSetting";

/**
 * Compute types a version's spec excerpt does not define: bodies with them are not checked
 * (the oracle has nothing to say). Batch is in no version's ComputeType enum; the 2021-07-01
 * excerpt leaves Kubernetes out, the later ones have it.
 */
export function unspecifiedComputeTypes(version: string): readonly string[] {
  return version < "2022-10-01" ? ["Batch", "Kubernetes"] : ["Batch"];
}

/** Null is absent: Azure sends nulls for many keys the spec does not mark nullable. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

// ajv is CommonJS: load it the way core does
const { Ajv } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
let ajv: InstanceType<typeof Ajv> | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The validator of `kind` in `version`'s spec; none when that version does not define it. */
function validator(version: string, kind: SpecKind): ValidateFunction | undefined {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    for (const s of SPEC_VERSIONS) ajv.addSchema(readJson<object>(s.schema), `spec-${s.version}`);
  }
  const key = `${version} ${kind}`;
  if (!compiled.has(key)) {
    const defined = kind in (ajv.getSchema(`spec-${version}`)!.schema as { definitions: object }).definitions;
    const v = defined ? ajv.getSchema(`spec-${version}#/definitions/${kind}`) : undefined;
    if (v) compiled.set(key, v);
    else return undefined;
  }
  return compiled.get(key);
}

const KINDS: readonly SpecKind[] = ["ComputeResource", "ClusterUpdateParameters", "PaginatedComputeResourcesList", "AmlComputeNodesInformation", "ComputeSecrets", "common.ErrorResponse", "ComputeSchedules", "IdleShutdownSetting"];

/** Compiles every validator now (about a second), so no request pays for it and timings stay as without the oracle. */
export function warmUpSpecOracle(): void {
  for (const s of SPEC_VERSIONS) for (const kind of KINDS) validator(s.version, kind);
}

/**
 * The spec's complaints about a body ("2022-10-01 ComputeResource/properties/properties/vmSize:
 * must be string"), none when it conforms or the spec does not define `kind`. `apiVersion`
 * picks the spec (see specFor).
 */
export function specProblems(kind: SpecKind, body: unknown, apiVersion?: string | null): string[] {
  const { version } = specFor(apiVersion);
  const validate = validator(version, kind);
  if (!validate || validate(withoutNulls(body))) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== "if").map((e) => `${version} ${kind}${e.instancePath || "/"}: ${e.message ?? e.keyword}`);
}
