import { specFor } from "./spec-files.js";
import { specProblems, unspecifiedComputeTypes, type SpecKind } from "./spec-oracle.js";

const typeOf = (resource: unknown) => (resource as { properties?: { computeType?: unknown } } | undefined)?.properties?.computeType;

/** specProblems, leaving out what the spec of `apiVersion` cannot judge: compute types it does not define. */
export function checkBody(kind: SpecKind, body: unknown, apiVersion?: string | null): string[] {
  if (body === undefined || body === null || (typeof body === "object" && Object.keys(body).length === 0)) return [];
  const unspecified = unspecifiedComputeTypes(specFor(apiVersion).version);
  if (kind === "ComputeResource" && unspecified.includes(String(typeOf(body)))) return [];
  if (kind === "ComputeSecrets" && unspecified.includes(String((body as { computeType?: unknown }).computeType))) return [];
  if (kind === "PaginatedComputeResourcesList") {
    const list = body as { value?: unknown[] };
    body = { ...list, value: (list.value ?? []).filter((c) => !unspecified.includes(String(typeOf(c)))) };
  }
  return specProblems(kind, body, apiVersion);
}
