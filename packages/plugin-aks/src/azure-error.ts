import { ComputeflowError, isComputeflowError, type ErrorClass } from "@computeflow/core";

const BY_STATUS: [test: (s: number) => boolean, code: string, errorClass: ErrorClass][] = [
  [(s) => s === 404, "E_NOT_FOUND", "not-found"],
  [(s) => s === 429, "E_THROTTLED", "throttled"],
  [(s) => s === 401 || s === 403, "E_AUTH", "auth"],
  [(s) => s === 409, "E_CONFLICT", "conflict"],
  [(s) => s >= 500 || s === 408, "E_TRANSIENT", "transient"],
  [(s) => s >= 400, "E_AZURE_REJECTED", "validation"],
];

/** An SDK failure as a ComputeflowError that keeps ARM's code, so the retry policy and the user see data, not text. */
export function azureError(error: unknown, doing: string): ComputeflowError {
  if (isComputeflowError(error)) return error;
  const e = (error ?? {}) as { statusCode?: number; code?: string; message?: string };
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const [, code, errorClass] = (status === undefined ? undefined : BY_STATUS.find(([test]) => test(status))) ?? [undefined, "E_TRANSIENT", "transient" as ErrorClass];
  const armCode = typeof e.code === "string" ? e.code : "Unknown";
  return new ComputeflowError({
    code,
    errorClass,
    message: `${doing}: ${e.message ?? String(error)}`,
    arm: [{ code: armCode, message: e.message ?? "" }],
    cause: error,
    ...(status === undefined ? {} : { status }),
  });
}
