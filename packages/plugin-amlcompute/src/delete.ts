import type { Operation, PlanEntry, StepContext, StepResult } from "@computeflow/core";
import { beginDelete, getCompute } from "./arm.js";

export interface DeleteInput {
  compute?: string;
}

/** `action: delete` names its compute in `with.compute`; destroy of a provision step uses the step's name. */
export function deleteTarget(ctx: StepContext<DeleteInput>): string {
  return ctx.step.action === "delete" && typeof ctx.with.compute === "string" ? ctx.with.compute : ctx.step.name;
}

export async function planDelete(ctx: StepContext<DeleteInput>, name = deleteTarget(ctx)): Promise<PlanEntry> {
  const existing = await getCompute(ctx, name);
  if (!existing) return { change: "noop", summary: `compute ${name} does not exist` };
  return { change: "delete", summary: `delete compute ${name} (${existing.properties?.computeType ?? "compute"})` };
}

function gone(name: string): Operation {
  return {
    description: `deleting compute ${name}`,
    compute: name,
    async check(reader) {
      const compute = await reader.compute(name);
      if (compute) return { done: false, progress: { provisioningState: compute.properties?.provisioningState } };
      return { done: true, outputs: { name } };
    },
  };
}

/**
 * Deletes the compute and the VMs behind it; absent already is success. Reads again rather
 * than trusting ctx.plan: under destroy the plan may be the provision step's.
 */
export async function deleteCompute(ctx: StepContext<DeleteInput>, name = deleteTarget(ctx)): Promise<StepResult> {
  if (!(await getCompute(ctx, name))) return { outputs: { name }, changed: false };
  await beginDelete(ctx, name);
  return { operation: gone(name) };
}
