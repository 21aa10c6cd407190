import type { PlanEntry, StepContext, StepResult } from "@computeflow/core";
import { deleteCompute, planDelete } from "@computeflow/compute-kit";
import { workspaceInfo } from "./sdk.js";
import { uniqueInstanceName } from "./name-rules.js";
import { powerTarget } from "./power.js";

/**
 * `action: delete` names the instance in `with.compute`; destroy of a provision step gets
 * that step's `with`, which may carry unique_name (delete's schema has no such key).
 */
async function target(ctx: StepContext<unknown>): Promise<string> {
  const input = ctx.with as { unique_name?: unknown };
  if (input.unique_name === true) {
    const ws = await workspaceInfo(ctx);
    return uniqueInstanceName(ctx.step.name, ws.workspaceId, ws.armId);
  }
  return powerTarget(ctx);
}

export async function planDeleteInstance(ctx: StepContext<unknown>): Promise<PlanEntry> {
  return planDelete(ctx, await target(ctx));
}

export async function deleteInstance(ctx: StepContext<unknown>): Promise<StepResult> {
  return deleteCompute(ctx, await target(ctx));
}
