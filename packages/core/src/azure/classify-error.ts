import { isRestError } from "./rest-error.js";
import { ComputeflowError, ErrorCodes, isComputeflowError, type ArmErrorDetail, type ErrorClass } from "../errors.js";

/** What @azure/identity throws when no credential works or the token request fails. */
const SIGN_IN_ERRORS = new Set(["CredentialUnavailableError", "AuthenticationError", "AggregateAuthenticationError"]);
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ECONNABORTED", "REQUEST_SEND_ERROR", "UND_ERR_SOCKET"]);

/** A sign-in failure or a network error, thrown by the SDK or @azure/identity (not by plugin code). */
export function isInfrastructureError(error: unknown): boolean {
  const e = (error ?? {}) as { name?: string; code?: string; statusCode?: number };
  return (e.name !== undefined && SIGN_IN_ERRORS.has(e.name)) || (e.statusCode === undefined && e.code !== undefined && NETWORK_CODES.has(e.code));
}

/** Error class of an HTTP status and ARM error code. */
export function classifyStatus(status: number | undefined, armCode?: string): ErrorClass {
  if (armCode && /quota/i.test(armCode)) return "quota";
  if (status === 429) return "throttled";
  if (status === 408 || (status !== undefined && status >= 500)) return "transient";
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not-found";
  if (status === 409) return "conflict";
  if (status !== undefined && status >= 400) return "validation";
  return "transient";
}

const CODE_BY_CLASS: Partial<Record<ErrorClass, string>> = {
  throttled: ErrorCodes.THROTTLED,
  transient: ErrorCodes.TRANSIENT,
  quota: ErrorCodes.QUOTA,
  auth: ErrorCodes.AUTH,
  "not-found": ErrorCodes.NOT_FOUND,
  conflict: ErrorCodes.CONFLICT,
  validation: "E_VALIDATION",
};

const HINT_BY_CLASS: Partial<Record<ErrorClass, string>> = {
  auth: "sign in (az login, or AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET) with a role on the workspace",
  quota: "request more quota for this VM family in the region, or choose a smaller vm_size / max_nodes",
  throttled: "Azure Resource Manager throttled the requests; retry later",
};

/** ARM's error body (`{error: {code, message, details}}`) as structured details. */
export function armDetails(body: unknown): ArmErrorDetail[] | undefined {
  const parsed = typeof body === "string" ? safeParse(body) : body;
  const error = (parsed as { error?: unknown } | undefined)?.error ?? parsed;
  const detail = toDetail(error);
  return detail ? [detail] : undefined;
}

function toDetail(value: unknown): ArmErrorDetail | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.code !== "string") return undefined;
  const nested = Array.isArray(v.details) ? v.details.map(toDetail).filter((d): d is ArmErrorDetail => d !== undefined) : [];
  return {
    code: v.code,
    message: typeof v.message === "string" ? v.message : "",
    ...(typeof v.target === "string" ? { target: v.target } : {}),
    ...(nested.length ? { details: nested } : {}),
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns anything an Azure SDK throws (either pipeline generation) into a ComputeflowError. */
export function classifyAzureError(error: unknown, retryAfterMs?: number): ComputeflowError {
  if (isComputeflowError(error)) return error;
  const e = (error ?? {}) as { name?: string; statusCode?: number; code?: string; message?: string; body?: unknown; details?: unknown; response?: { bodyAsText?: string | null } };
  if (e.name && SIGN_IN_ERRORS.has(e.name)) {
    return new ComputeflowError({ code: ErrorCodes.AUTH, errorClass: "auth", message: `sign-in failed: ${(e.message ?? "").split("\n")[0]}`, hint: HINT_BY_CLASS.auth, cause: error });
  }
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  if (status === undefined && e.code && NETWORK_CODES.has(e.code)) {
    return new ComputeflowError({ code: ErrorCodes.TRANSIENT, errorClass: "transient", message: `network error: ${e.code}`, cause: error });
  }
  const arm = armDetails(e.details ?? e.body ?? e.response?.bodyAsText ?? undefined);
  const armCode = arm?.[0]?.code ?? (isRestError(error) ? undefined : e.code);
  const errorClass = status === undefined && !isRestError(error) && !e.code ? "internal" : classifyStatus(status, armCode);
  const message = arm?.[0] ? `${arm[0].code}: ${arm[0].message}` : (e.message ?? String(error));
  return new ComputeflowError({
    code: CODE_BY_CLASS[errorClass] ?? ErrorCodes.INTERNAL,
    errorClass,
    message,
    hint: HINT_BY_CLASS[errorClass],
    arm,
    status,
    retryAfterMs,
    cause: error,
  });
}

/**
 * classifyAzureError, with the message prefixed by what the plugin was doing
 * (`attaching gpu: ResourceNotFound: ...`) so a user sees which call failed.
 * A ComputeflowError passes through unchanged: it already says what happened.
 */
export function describeAzureError(error: unknown, doing: string): ComputeflowError {
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
