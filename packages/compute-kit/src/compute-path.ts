import type { WorkspaceRef } from "@computeflow/core";

/** The api-version of the shared Azure ML client (@azure/arm-machinelearningservices 5.0.1). */
export const ML_API_VERSION = "2021-07-01";

/** ARM path of a workspace compute, as `body()` requests and the SDK's PUT use it. */
export function computePath(workspace: WorkspaceRef, name: string): string {
  return `/subscriptions/${workspace.subscriptionId}/resourceGroups/${workspace.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${workspace.name}/computes/${name}`;
}
