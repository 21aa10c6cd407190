import { ComputeflowError } from "@computeflow/core";
import type { ErrorClass, PlanEntry } from "@computeflow/core";

const CLASSES: Record<string, ErrorClass> = { E_QUOTA: "quota", E_CONFLICT: "conflict", E_NOT_FOUND: "not-found" };

/** A blocked plan entry as the error the action fails with. */
export function blockedError(plan: PlanEntry): ComputeflowError {
  return new ComputeflowError({
    code: plan.code ?? "E_BLOCKED",
    errorClass: CLASSES[plan.code ?? ""] ?? "validation",
    retryable: false,
    message: plan.reason ?? "the step is blocked",
    hint: plan.hint,
  });
}

export function replaceRefused(name: string, plan: PlanEntry): ComputeflowError {
  return new ComputeflowError({
    code: "E_REPLACE_REQUIRED",
    errorClass: "validation",
    retryable: false,
    message: `compute ${name} must be replaced: ${plan.reason ?? "an immutable property changed"}`,
    hint: "allow replacement (--allow-replace) to delete and recreate it, or restore the old value",
  });
}
