import type { PlanEntry, StepContext, StepResult } from "@computeflow/core";
import { getCompute, removeCompute } from "./sdk.js";
import { untilGone } from "./until-gone.js";

/** `with` of `action: delete`. */
export const deleteSchema = {
  type: "object",
  additionalProperties: false,
  properties: { compute: { type: "string", minLength: 1, description: "Compute to delete; defaults to the step's name." } },
} as const;

/** The compute a delete aims at: `with.compute` of `action: delete`, else the step's name (destroy of a provision step). */
export function deleteTarget(ctx: StepContext<unknown>): string {
  const input = ctx.with as { compute?: unknown };
  return ctx.step.action === "delete" && typeof input.compute === "string" ? input.compute : ctx.step.name;
}

export async function planDelete(ctx: StepContext<unknown>, name = deleteTarget(ctx)): Promise<PlanEntry> {
  const existing = await getCompute(ctx, name);
  if (!existing) return { change: "noop", summary: `compute ${name} does not exist` };
  return { change: "delete", summary: `delete compute ${name} (${existing.properties?.computeType ?? "compute"})` };
}

/**
 * Deletes the compute and the VMs behind it; absent already is success. Reads again rather
 * than trusting ctx.plan: under destroy the plan may be the provision step's.
 */
export async function deleteCompute(ctx: StepContext<unknown>, name = deleteTarget(ctx)): Promise<StepResult> {
  if (!(await getCompute(ctx, name))) return { outputs: { name }, changed: false };
  await removeCompute(ctx, name, "Delete");
  return { operation: untilGone(name, `deleting compute ${name}`) };
}
