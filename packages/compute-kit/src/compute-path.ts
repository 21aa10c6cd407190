import type { WorkspaceRef } from "@computeflow/core";

/** The api-version core's own reads use: a plugin's writes go out with the same one. */
export { ML_API_VERSION } from "@computeflow/core";

/** ARM path of a workspace compute, as `body()` requests and the SDK's PUT use it. */
export function computePath(workspace: WorkspaceRef, name: string): string {
  return `/subscriptions/${workspace.subscriptionId}/resourceGroups/${workspace.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${workspace.name}/computes/${name}`;
}
