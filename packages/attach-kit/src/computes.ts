import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { StepContext } from "@computeflow/core";
import { normalizeResourceId } from "./resource-id.js";

/** The workspace's computes, from the run's one shared list of them. */
export async function listComputes(ctx: StepContext<unknown>): Promise<ComputeResource[]> {
  return ctx.azure.reads.computes(ctx.workspace);
}

export function attachedResourceOf(compute: ComputeResource): string | undefined {
  const id = compute.properties?.resourceId;
  return id ? normalizeResourceId(id) : undefined;
}

/** The workspace's attachments of `resourceId` under names other than `name`. */
export function otherAttachments(computes: readonly ComputeResource[], resourceId: string, name: string): ComputeResource[] {
  const wanted = normalizeResourceId(resourceId);
  return computes.filter((c) => c.name?.toLowerCase() !== name.toLowerCase() && attachedResourceOf(c) === wanted);
}
