import { isComputeflowError } from "../errors.js";
import type { SerializedError } from "./events.js";

/** The plain-data form of an error that events and the journal carry. */
export function serializeError(error: unknown): SerializedError {
  if (isComputeflowError(error)) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      errorClass: error.errorClass,
      ...(error.hint ? { hint: error.hint } : {}),
      ...(error.arm ? { arm: error.arm } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "E_INTERNAL", message, retryable: false, errorClass: "internal" };
}
