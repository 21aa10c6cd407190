import { plannedState, startAttach, workspaceLocation, type AttachPlanState } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { accountIdOf } from "./account-id.js";
import { putBatchCompute } from "./azure.js";
import { planBatchAttach } from "./plan.js";
import type { BatchAttachWith } from "./schema.js";

export async function attachBatch(ctx: StepContext<BatchAttachWith>): Promise<StepResult> {
  const state = await plannedState<AttachPlanState>(ctx, planBatchAttach);
  const resourceId = accountIdOf(ctx.with, ctx.workspace.subscriptionId);
  const location = state.mode === "noop" ? undefined : await workspaceLocation(ctx);
  return startAttach(ctx, state, () => putBatchCompute(ctx, location, resourceId));
}
