import { ComputeflowError } from "@computeflow/core";
import type { ArmErrorDetail } from "@computeflow/core";

interface RestLike {
  statusCode?: number;
  code?: string;
  message?: string;
  details?: unknown;
  response?: { bodyAsText?: string | null };
}

function errorBody(e: RestLike): ArmErrorDetail | undefined {
  const fromDetails = (e.details as { error?: ArmErrorDetail } | undefined)?.error;
  if (fromDetails?.code !== undefined) return fromDetails;
  try {
    const parsed = JSON.parse(e.response?.bodyAsText ?? "") as { error?: ArmErrorDetail };
    return parsed.error?.code === undefined ? undefined : parsed.error;
  } catch {
    return undefined;
  }
}

export function statusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null ? (error as RestLike).statusCode : undefined;
}

/** The ARM error an SDK call failed with, kept structured (code, message, details). */
export function armDetail(error: unknown): ArmErrorDetail | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as RestLike;
  return errorBody(e) ?? (e.code === undefined ? undefined : { code: e.code, message: e.message ?? "" });
}

/** ARM's provisioningErrors ([{ error: {...} }]) as error details, in full. */
export function provisioningDetails(errors: readonly { error?: unknown }[] | undefined): ArmErrorDetail[] {
  return (errors ?? []).map((entry) => entry.error as ArmErrorDetail).filter((e) => e !== undefined);
}

/** A failed provisioning: E_QUOTA when Azure blamed quota, E_PROVISIONING_FAILED otherwise. */
export function provisioningFailure(kind: string, name: string, arm: ArmErrorDetail[]): ComputeflowError {
  const first = arm[0];
  const quota = arm.some((d) => /quota/i.test(d.code));
  return new ComputeflowError({
    code: quota ? "E_QUOTA" : "E_PROVISIONING_FAILED",
    errorClass: quota ? "quota" : "plugin",
    retryable: false,
    message: `${kind} ${name} failed to provision${first ? `: ${first.code}: ${first.message}` : ""}`,
    hint: quota ? "request more quota or lower max_nodes" : `look at the compute in the portal, then delete it (computeflow destroy) before running again`,
    arm,
  });
}
