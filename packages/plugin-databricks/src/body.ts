import { attachPut } from "@computeflow/attach-kit";
import type { ArmRequest, BodyContext } from "@computeflow/core";
import type { DatabricksPlanState } from "./plan.js";
import type { AttachInput } from "./schema.js";

/** The document: the Databricks workspace must be in the same subscription as the AML workspace. */
export function databricksIdOf(subscriptionId: string, resourceGroup: string, workspaceName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Databricks/workspaces/${workspaceName}`;
}

/**
 * `body(input)` of `action: attach`: the swagger's Databricks compute, what
 * `DatabricksCompute.attach_configuration` sent, plus the `workspaceUrl` the plan read from
 * the Databricks workspace (BodyContext.plan: the action declares planBeforeBody).
 */
export function attachRequest(input: AttachInput, ctx: BodyContext): ArmRequest {
  const workspaceUrl = (ctx.plan?.state as DatabricksPlanState | undefined)?.workspaceUrl;
  return attachPut(ctx, {
    properties: {
      computeType: "Databricks",
      resourceId: databricksIdOf(ctx.workspace.subscriptionId, input.resource_group, input.workspace_name),
      properties: { databricksAccessToken: input.access_token, ...(workspaceUrl ? { workspaceUrl } : {}) },
    },
  });
}
