import { describeAzureError, ErrorCodes, type Operation, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
import { listComputes } from "./computes.js";
import { blocked } from "./plan-attach.js";

/** Detach never deletes the underlying resource: it only removes the workspace's attachment. */
export async function planDetach(ctx: StepContext<unknown>): Promise<PlanEntry> {
  const name = ctx.step.name;
  const compute = (await listComputes(ctx)).find((c) => c.name?.toLowerCase() === name.toLowerCase());
  if (!compute) return { change: "noop", summary: `${name} is not attached` };
  if (compute.properties?.isAttachedCompute === false) {
    return blocked(ErrorCodes.BLOCKED, `${name} is a ${compute.properties.computeType} the workspace created, not an attachment`, "use the plugin that provisioned it with `action: delete`");
  }
  return { change: "detach", summary: `detach ${name} (${compute.properties?.resourceId ?? "no resource id"}); the resource itself stays` };
}

export async function startDetach(ctx: StepContext<unknown>): Promise<StepResult> {
  const name = ctx.step.name;
  if (ctx.plan?.change === "noop") return { outputs: { name }, changed: false };
  await beginDetach(ctx, name);
  return { operation: detachOperation(name) };
}

export async function beginDetach(ctx: StepContext<unknown>, name: string): Promise<void> {
  const ml = await ctx.azure.ml();
  try {
    await ml.computeOperations.beginDelete(ctx.workspace.resourceGroup, ctx.workspace.name, name, "Detach", { abortSignal: ctx.signal });
  } catch (error) {
    throw describeAzureError(error, `detaching ${name}`);
  }
}

function detachOperation(name: string): Operation {
  return {
    description: `detaching compute ${name}`,
    compute: name,
    async check(reader) {
      const compute = await reader.compute(name);
      if (!compute) return { done: true, outputs: { name } };
      return { done: false, progress: { provisioningState: compute.properties?.provisioningState } };
    },
  };
}
