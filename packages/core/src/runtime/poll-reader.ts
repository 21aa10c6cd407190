import type { AzureMachineLearningWorkspaces, ComputeResource } from "@azure/arm-machinelearningservices";
import { isRestError } from "../azure/rest-error.js";
import type { PollReader, WorkspaceRef } from "../plugin.js";

/**
 * A PollReader for one workspace and one poller tick: every `compute(name)` of that tick is
 * served by a single `computes list` (all its nextLink pages).
 */
export function createWorkspaceReader(client: () => Promise<AzureMachineLearningWorkspaces>, workspace: WorkspaceRef): PollReader {
  let listing: Promise<Map<string, ComputeResource>> | undefined;
  const list = async (): Promise<Map<string, ComputeResource>> => {
    const ml = await client();
    const byName = new Map<string, ComputeResource>();
    for await (const compute of ml.computeOperations.list(workspace.resourceGroup, workspace.name)) {
      if (compute.name) byName.set(compute.name.toLowerCase(), compute);
    }
    return byName;
  };
  return {
    async compute(name) {
      listing ??= list();
      listing.catch(() => (listing = undefined));
      return (await listing).get(name.toLowerCase());
    },
    async computeDetail(name) {
      const ml = await client();
      try {
        return await ml.computeOperations.get(workspace.resourceGroup, workspace.name, name);
      } catch (error) {
        if (isRestError(error) && error.statusCode === 404) return undefined;
        throw error;
      }
    },
  };
}

export function workspaceKey(workspace: WorkspaceRef): string {
  return `${workspace.subscriptionId}/${workspace.resourceGroup}/${workspace.name}`.toLowerCase();
}
