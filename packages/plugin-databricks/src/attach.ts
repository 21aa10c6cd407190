import { plannedState, putCompute, startAttach, workspaceLocation } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { databricksAttachBody, databricksIdOf } from "./azure.js";
import { planDatabricksAttach, type DatabricksPlanState } from "./plan.js";
import type { DatabricksAttachWith } from "./schema.js";

/** The document's sample prints the access token; this never does: it is marked secret before any call. */
export async function attachDatabricks(ctx: StepContext<DatabricksAttachWith>): Promise<StepResult> {
  const input = ctx.with;
  ctx.secret(input.access_token);
  const state = await plannedState<DatabricksPlanState>(ctx, planDatabricksAttach);
  const id = databricksIdOf(ctx.workspace.subscriptionId, input.resource_group, input.workspace_name);
  const location = state.mode === "noop" ? undefined : await workspaceLocation(ctx);
  return startAttach(ctx, state, () => putCompute(ctx, databricksAttachBody(location, id, input.access_token, state.workspaceUrl)));
}
