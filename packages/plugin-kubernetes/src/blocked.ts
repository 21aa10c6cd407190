import { ComputeflowError, type PlanEntry } from "@computeflow/core";

export function blocked(plan: PlanEntry): ComputeflowError {
  return new ComputeflowError({ code: plan.code ?? "E_BLOCKED", errorClass: "validation", message: plan.reason ?? `cannot ${plan.change}`, ...(plan.hint ? { hint: plan.hint } : {}) });
}
