import { ComputeflowError } from "@computeflow/core";
import type { ArmErrorDetail } from "@computeflow/core";

/** ARM's provisioningErrors ([{ error: {...} }]) as error details, in full. */
export function provisioningDetails(errors: readonly { error?: unknown }[] | undefined): ArmErrorDetail[] {
  return (errors ?? []).map((entry) => entry.error as ArmErrorDetail).filter((e) => e !== undefined);
}

/** A failed (or canceled) provisioning: E_QUOTA when Azure blamed quota, E_PROVISIONING_FAILED otherwise. */
export function provisioningFailure(kind: string, name: string, arm: ArmErrorDetail[], hint?: string): ComputeflowError {
  const first = arm[0];
  const quota = arm.some((d) => /quota/i.test(d.code));
  return new ComputeflowError({
    code: quota ? "E_QUOTA" : "E_PROVISIONING_FAILED",
    errorClass: quota ? "quota" : "plugin",
    retryable: false,
    message: `${kind} ${name} failed to provision${first ? `: ${first.code}: ${first.message}` : ""}`,
    hint: quota ? "request more quota or lower max_nodes" : (hint ?? "look at the compute in the portal, then delete it (computeflow destroy) before running again"),
    arm,
  });
}
