import { missingResource, planAttach, type AttachPlanState } from "@computeflow/attach-kit";
import type { PlanEntry, StepContext } from "@computeflow/core";
import { databricksIdOf } from "./body.js";
import { getDatabricksWorkspace } from "./sdk.js";
import type { AttachInput } from "./schema.js";

export interface DatabricksPlanState extends AttachPlanState {
  workspaceUrl?: string;
}

export async function planDatabricksAttach(ctx: StepContext<AttachInput>): Promise<PlanEntry> {
  const input = ctx.with;
  ctx.secret(input.access_token);
  const id = databricksIdOf(ctx.workspace.subscriptionId, input.resource_group, input.workspace_name);
  const reply = await getDatabricksWorkspace(ctx, id);
  const missing = missingResource(
    reply,
    `Databricks workspace ${input.workspace_name} not found in resource group ${input.resource_group} of the workspace's subscription`,
    "the Databricks workspace must be in the same subscription as the Azure ML workspace; check resource_group and workspace_name",
  );
  if (missing) return missing;
  const workspaceUrl = (reply.body?.properties as { workspaceUrl?: string } | undefined)?.workspaceUrl;
  const notes = [`Databricks workspace ${workspaceUrl ?? input.workspace_name} is in the workspace's subscription`, "Azure never returns the access token, so a changed token is not detected: to send a new one, detach (action: detach) and run again"];
  const entry = await planAttach(ctx, { resourceId: typeof reply.body?.id === "string" ? reply.body.id : id, computeType: "Databricks", settings: {}, notes }, input.reattach);
  return entry.state ? { ...entry, state: { ...(entry.state as AttachPlanState), workspaceUrl } satisfies DatabricksPlanState } : entry;
}
