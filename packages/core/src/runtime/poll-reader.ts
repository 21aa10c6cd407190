import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { listComputes, readCompute } from "../azure/compute-reads.js";
import type { ArmSender } from "../azure/ml-rest.js";
import type { SharedReadsFeed } from "../azure/shared-reads.js";
import type { PollReader, WorkspaceRef } from "../plugin.js";

/**
 * A PollReader for one workspace and one poller tick: every `compute(name)` of that tick is
 * served by a single `computes list` (all its nextLink pages), which then also refreshes the
 * run's shared reads (`feed`).
 */
export function createWorkspaceReader(send: ArmSender, workspace: WorkspaceRef, feed?: SharedReadsFeed): PollReader {
  let listing: Promise<Map<string, ComputeResource>> | undefined;
  const list = async (): Promise<Map<string, ComputeResource>> => {
    const since = feed?.mark() ?? 0;
    const all = await listComputes(send, workspace);
    const byName = new Map<string, ComputeResource>();
    for (const compute of all) if (compute.name) byName.set(compute.name.toLowerCase(), compute);
    feed?.observeComputes(workspace, all, since);
    return byName;
  };
  return {
    async compute(name) {
      listing ??= list();
      listing.catch(() => (listing = undefined));
      return (await listing).get(name.toLowerCase());
    },
    async computeDetail(name) {
      return readCompute(send, workspace, name);
    },
  };
}

export function workspaceKey(workspace: WorkspaceRef): string {
  return `${workspace.subscriptionId}/${workspace.resourceGroup}/${workspace.name}`.toLowerCase();
}
