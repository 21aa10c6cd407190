import type { PlanEntry, StepContext } from "@computeflow/core";
import { viewOf } from "./compute-view.js";
import type { AttachInput, ProvisionInput } from "./input.js";
import { clusterResourceId } from "./payload.js";
import { planAttach, planRemove } from "./plan-attach.js";
import { planProvision } from "./plan-provision.js";
import { getCompute } from "./sdk.js";

/** The plugin's plan hook: one GET of the step's compute, then pure planning. */
export async function plan(ctx: StepContext<Record<string, unknown>>): Promise<PlanEntry> {
  const found = await getCompute(ctx);
  const current = found === undefined ? undefined : viewOf(found);
  switch (ctx.step.action) {
    case "provision":
      return planProvision(ctx.with as ProvisionInput, current);
    case "attach":
      return planAttach(ctx.with as AttachInput, clusterResourceId(ctx.with as AttachInput, ctx.workspace), current);
    case "detach":
    case "delete":
      return planRemove(ctx.step.action, current);
    default:
      return { change: "blocked", code: "E_UNSUPPORTED_ACTION", reason: `aks has no action ${ctx.step.action}` };
  }
}
