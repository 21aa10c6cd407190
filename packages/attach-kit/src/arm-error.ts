import { ComputeflowError, ErrorCodes, isComputeflowError, type ArmErrorDetail } from "@computeflow/core";

interface RestLike {
  statusCode?: number;
  code?: string;
  message?: string;
  details?: unknown;
  response?: { bodyAsText?: string | null };
}

/** ARM's `{error: {code, message}}` from a parsed body, if it is one. */
export function armErrorOf(body: unknown): ArmErrorDetail | undefined {
  const error = (body as { error?: unknown } | undefined)?.error;
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as Record<string, unknown>;
  return typeof e.code === "string" ? { code: e.code, message: typeof e.message === "string" ? e.message : "" } : undefined;
}

/** What an SDK call failed with, as a ComputeflowError that keeps ARM's code and message. */
export function toComputeflowError(error: unknown, doing: string): ComputeflowError {
  if (isComputeflowError(error)) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as RestLike;
  let arm = armErrorOf(e.details);
  if (!arm && e.response?.bodyAsText) {
    try {
      arm = armErrorOf(JSON.parse(e.response.bodyAsText));
    } catch {
      arm = undefined;
    }
  }
  const status = e.statusCode;
  const message = arm ? `${doing}: ${arm.code}: ${arm.message}` : `${doing}: ${e.message ?? String(error)}`;
  const errorClass = status === 404 ? "not-found" : status === 429 ? "throttled" : status !== undefined && status >= 500 ? "transient" : status === 409 ? "conflict" : "validation";
  const code = status === 404 ? ErrorCodes.NOT_FOUND : status === 409 ? ErrorCodes.CONFLICT : status === 429 ? ErrorCodes.THROTTLED : status !== undefined && status >= 500 ? ErrorCodes.TRANSIENT : "E_VALIDATION";
  return new ComputeflowError({ code, errorClass, message, arm: arm ? [arm] : undefined, status, cause: error });
}
