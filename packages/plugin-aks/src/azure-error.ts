import { classifyAzureError, ComputeflowError, isComputeflowError } from "@computeflow/core";

/** An SDK failure as core classifies it (ARM code, retryability), saying what the plugin was doing. */
export function azureError(error: unknown, doing: string): ComputeflowError {
  if (isComputeflowError(error)) return error;
  const e = classifyAzureError(error);
  return new ComputeflowError({
    code: e.code,
    errorClass: e.errorClass,
    retryable: e.retryable,
    message: `${doing}: ${e.message}`,
    cause: error,
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.arm ? { arm: e.arm } : {}),
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
  });
}
