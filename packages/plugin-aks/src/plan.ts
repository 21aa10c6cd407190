import type { PlanEntry, StepContext } from "@computeflow/core";
import { viewOf } from "./compute-view.js";
import type { AttachInput, ProvisionInput } from "./input.js";
import { clusterResourceId } from "./body.js";
import { duplicateAttachment, planAttach, planRemove } from "./plan-attach.js";
import { planProvision } from "./plan-provision.js";
import { clusterSizeProblem } from "./cluster-size.js";
import { getCompute, otherAttachments, vmSizeCores, workspaceLocation } from "./sdk.js";

/** The plugin's plan hook: one GET of the step's compute, then pure planning. */
export async function plan(ctx: StepContext<Record<string, unknown>>): Promise<PlanEntry> {
  const found = await getCompute(ctx);
  const current = found === undefined ? undefined : viewOf(found);
  switch (ctx.step.action) {
    case "provision": {
      const input = ctx.with as unknown as ProvisionInput;
      const entry = planProvision(input, current);
      if (entry.change !== "create") return entry;
      const location = input.location ?? (await workspaceLocation(ctx));
      return clusterSizeProblem(input, location, await vmSizeCores(ctx, location, input.vm_size)) ?? entry;
    }
    case "attach": {
      const clusterId = clusterResourceId(ctx.with as unknown as AttachInput, ctx.workspace);
      const entry = planAttach(ctx.with as unknown as AttachInput, clusterId, current);
      if (entry.change !== "attach" && entry.change !== "reattach") return entry;
      return duplicateAttachment(clusterId, await otherAttachments(ctx, clusterId)) ?? entry;
    }
    case "detach":
    case "delete":
      return planRemove(ctx.step.action, current);
    default:
      return { change: "blocked", code: "E_UNSUPPORTED_ACTION", reason: `aks has no action ${ctx.step.action}` };
  }
}
