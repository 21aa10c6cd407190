import { armRequest, type ArmReply, type ComputeBody } from "@computeflow/attach-kit";
import type { StepContext } from "@computeflow/core";

// Every Azure read of this plugin: the Databricks workspace.

const DATABRICKS_API = "2018-04-01";

/** The document: the Databricks workspace must be in the same subscription as the AML workspace. */
export function databricksIdOf(subscriptionId: string, resourceGroup: string, workspaceName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Databricks/workspaces/${workspaceName}`;
}

export function getDatabricksWorkspace(ctx: StepContext<unknown>, resourceId: string): Promise<ArmReply> {
  return armRequest(ctx, "GET", resourceId, DATABRICKS_API);
}

/** The swagger's Databricks compute: what `DatabricksCompute.attach_configuration` sent. */
export function databricksAttachBody(location: string | undefined, resourceId: string, accessToken: string, workspaceUrl: string | undefined): ComputeBody {
  return {
    ...(location ? { location } : {}),
    properties: {
      computeType: "Databricks",
      resourceId,
      properties: { databricksAccessToken: accessToken, ...(workspaceUrl ? { workspaceUrl } : {}) },
    },
  };
}
