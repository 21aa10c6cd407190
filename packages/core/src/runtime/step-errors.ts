import { isRestError } from "../azure/rest-error.js";
import { ComputeflowError, ErrorCodes, isComputeflowError } from "../errors.js";
import { classifyAzureError } from "../azure/classify-error.js";
import type { Effect, PlanEntry } from "../plugin.js";

/** The error a step fails with: ARM failures keep their class and details even when a plugin wrapped them. */
export function toStepError(error: unknown): ComputeflowError {
  if (isComputeflowError(error)) {
    const cause = (error as { cause?: unknown }).cause;
    if (error.code === ErrorCodes.PLUGIN && (isRestError(cause) || isComputeflowError(cause))) {
      const inner = classifyAzureError(cause);
      return new ComputeflowError({
        code: inner.code,
        errorClass: inner.errorClass,
        message: `${error.message.split(":")[0]}: ${inner.message}`,
        hint: inner.hint ?? error.hint,
        arm: inner.arm,
        status: inner.status,
        retryAfterMs: inner.retryAfterMs,
        cause: error,
      });
    }
    return error;
  }
  return classifyAzureError(error);
}

/** The one place a planned step is refused: by its label's effect, never by a plugin. */
export function refusal(step: string, plan: PlanEntry, effect: Effect, allowReplace: boolean): ComputeflowError | undefined {
  if (effect === "blocked") return blockedError(step, plan);
  if (effect === "replace-required" && !allowReplace) return replaceRefused(step, plan);
  return undefined;
}

export function blockedError(step: string, plan: PlanEntry): ComputeflowError {
  return new ComputeflowError({
    code: plan.code ?? ErrorCodes.BLOCKED,
    errorClass: "validation",
    retryable: false,
    message: `blocked: ${plan.reason ?? plan.summary ?? "a pre-flight check failed"}`,
    hint: plan.hint,
  });
}

export function replaceRefused(step: string, plan: PlanEntry): ComputeflowError {
  const fields = (plan.diff ?? []).filter((d) => d.immutable).map((d) => d.path);
  return new ComputeflowError({
    code: ErrorCodes.REPLACE_REQUIRED,
    errorClass: "validation",
    retryable: false,
    message: `would replace compute ${step}${fields.length ? ` (immutable: ${fields.join(", ")})` : ""}${plan.reason ? `: ${plan.reason}` : ""}`,
    hint: plan.hint ?? "run again with --allow-replace to delete and re-create it, or revert the change",
  });
}

export function interruptedError(): ComputeflowError {
  return new ComputeflowError({ code: ErrorCodes.INTERRUPTED, errorClass: "cancelled", message: "interrupted" });
}
