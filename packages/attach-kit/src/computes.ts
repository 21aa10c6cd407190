import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { StepContext } from "@computeflow/core";
import { normalizeResourceId } from "./resource-id.js";

export async function listComputes(ctx: StepContext<unknown>): Promise<ComputeResource[]> {
  const ml = await ctx.azure.ml();
  const out: ComputeResource[] = [];
  for await (const compute of ml.computeOperations.list(ctx.workspace.resourceGroup, ctx.workspace.name, { abortSignal: ctx.signal })) out.push(compute);
  return out;
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
