import { removeCompute, untilGone } from "@computeflow/compute-kit";
import { defineAction, ErrorCodes, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
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
  return { operation: untilGone(name, `detaching compute ${name}`) };
}

export async function beginDetach(ctx: StepContext<unknown>, name: string): Promise<void> {
  await removeCompute(ctx, name, "Detach", `detaching ${name}`);
}

/** `action: detach`: removes the workspace's attachment named by the step; the resource stays. */
export const detachAction = defineAction({
  description: "Detach the compute named by this step (`name:` or the step id). The underlying resource is not deleted.",
  schema: { type: "object", additionalProperties: false, properties: {} },
  outputs: { name: "The detached compute's name." },
  label: "detach",
  plan: planDetach,
  apply: startDetach,
});
