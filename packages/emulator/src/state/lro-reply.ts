import type { Reply } from "../arm/arm-error.js";
import type { Operation } from "./operations.js";

export const ML_API_VERSION = "2021-07-01";

export function operationStatusUrl(endpoint: string, op: Operation): string {
  return `${endpoint}/subscriptions/${op.subscription}/providers/Microsoft.MachineLearningServices/locations/${op.location}/computeOperationsStatus/${op.id}?api-version=${ML_API_VERSION}`;
}

export function operationResultUrl(endpoint: string, op: Operation): string {
  return `${endpoint}/subscriptions/${op.subscription}/providers/Microsoft.MachineLearningServices/locations/${op.location}/computeOperationsResults/${op.id}?api-version=${ML_API_VERSION}`;
}

/** Retry-After in (possibly fractional) seconds plus retry-after-ms, so scaled time stays exact. */
export function retryAfterHeaders(ms: number): Record<string, string> {
  const seconds = ms >= 1000 ? String(Math.ceil(ms / 1000)) : String(Math.max(ms, 1) / 1000);
  return { "Retry-After": seconds, "retry-after-ms": String(Math.max(ms, 1)) };
}

export function lroReply(
  status: number,
  body: unknown,
  op: Operation,
  endpoint: string,
  retryAfterMs: number,
  withLocation = false,
): Reply {
  const headers: Record<string, string> = {
    "Azure-AsyncOperation": operationStatusUrl(endpoint, op),
    ...retryAfterHeaders(retryAfterMs),
  };
  if (withLocation) headers["Location"] = operationResultUrl(endpoint, op);
  return body === undefined ? { status, headers } : { status, body, headers };
}
