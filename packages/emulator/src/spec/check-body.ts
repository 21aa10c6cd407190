import { specProblems, UNSPECIFIED_COMPUTE_TYPES, type SpecKind } from "./spec-oracle.js";

const typeOf = (resource: unknown) => (resource as { properties?: { computeType?: unknown } } | undefined)?.properties?.computeType;

/** specProblems, leaving out what the spec cannot judge: compute types it does not define. */
export function checkBody(kind: SpecKind, body: unknown): string[] {
  if (body === undefined || body === null || (typeof body === "object" && Object.keys(body).length === 0)) return [];
  if (kind === "ComputeResource" && UNSPECIFIED_COMPUTE_TYPES.includes(String(typeOf(body)))) return [];
  if (kind === "ComputeSecrets" && UNSPECIFIED_COMPUTE_TYPES.includes(String((body as { computeType?: unknown }).computeType))) return [];
  if (kind === "PaginatedComputeResourcesList") {
    const list = body as { value?: unknown[] };
    body = { ...list, value: (list.value ?? []).filter((c) => !UNSPECIFIED_COMPUTE_TYPES.includes(String(typeOf(c)))) };
  }
  return specProblems(kind, body);
}
