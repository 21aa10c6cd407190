import { plannedState, putCompute, startAttach, workspaceLocation } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { adlaAttachBody, adlaIdOf } from "./azure.js";
import { planAdlaAttach, type AdlaPlanState } from "./plan.js";
import { RETIRED, type AdlaAttachWith } from "./schema.js";

export async function attachAdla(ctx: StepContext<AdlaAttachWith>): Promise<StepResult> {
  ctx.log.warn(RETIRED);
  const input = ctx.with;
  const state = await plannedState<AdlaPlanState>(ctx, planAdlaAttach);
  const id = adlaIdOf(ctx.workspace.subscriptionId, input.resource_group, input.account_name);
  const location = state.mode === "noop" ? undefined : await workspaceLocation(ctx);
  return startAttach(ctx, state, () => putCompute(ctx, adlaAttachBody(location, id, state.defaultStore)));
}
