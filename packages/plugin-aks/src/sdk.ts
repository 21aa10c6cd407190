import { describeAzureError, type StepContext } from "@computeflow/core";
import { listVmSizes, putCompute as put, readCompute, removeCompute as remove, workspaceLocation as location } from "@computeflow/compute-kit";
import type { AksComputeBody } from "./body.js";

/** Every Azure call of this plugin, on compute-kit's, with AKS wording in errors. None waits: core's poller does. */

export async function getCompute(ctx: StepContext<unknown>): Promise<unknown | undefined> {
  try {
    return await readCompute(ctx, ctx.step.name);
  } catch (error) {
    throw describeAzureError(error, `reading compute ${ctx.step.name}`);
  }
}

export async function workspaceLocation(ctx: StepContext<unknown>): Promise<string> {
  try {
    return await location(ctx);
  } catch (error) {
    throw describeAzureError(error, `reading workspace ${ctx.workspace.name}`);
  }
}

/** Starts the PUT (create, update or attach); core polls. */
export async function putCompute(ctx: StepContext<unknown>, body: AksComputeBody): Promise<void> {
  try {
    await put(ctx, ctx.step.name, body as never);
  } catch (error) {
    throw describeAzureError(error, `${body.properties.resourceId ? "attaching" : "creating"} AKS compute ${ctx.step.name}`);
  }
}

/** Starts a DELETE: "Detach" keeps the AKS cluster, "Delete" removes it. */
export async function removeCompute(ctx: StepContext<unknown>, action: "Delete" | "Detach"): Promise<void> {
  try {
    await remove(ctx, ctx.step.name, action);
  } catch (error) {
    const failure = describeAzureError(error, `${action === "Detach" ? "detaching" : "deleting"} AKS compute ${ctx.step.name}`);
    if (failure.status === 404) return;
    throw failure;
  }
}

/** vCPUs of `size` in `location`, or undefined when the region does not offer it. */
export async function vmSizeCores(ctx: StepContext<unknown>, location: string, size: string): Promise<number | undefined> {
  try {
    const sizes = await listVmSizes(ctx, location);
    return sizes.find((s) => s.name?.toLowerCase() === size.toLowerCase())?.vCPUs ?? undefined;
  } catch (error) {
    throw describeAzureError(error, `listing VM sizes of ${location}`);
  }
}

/** Names of the workspace's computes attached to `clusterId`, other than the step's own. */
export async function otherAttachments(ctx: StepContext<unknown>, clusterId: string): Promise<string[]> {
  const ml = await ctx.azure.ml();
  const names: string[] = [];
  try {
    for await (const compute of ml.computeOperations.list(ctx.workspace.resourceGroup, ctx.workspace.name, { abortSignal: ctx.signal })) {
      const id = compute.properties?.resourceId;
      if (compute.name && compute.name.toLowerCase() !== ctx.step.name.toLowerCase() && id?.toLowerCase() === clusterId.toLowerCase()) names.push(compute.name);
    }
  } catch (error) {
    throw describeAzureError(error, `listing computes of ${ctx.workspace.name}`);
  }
  return names;
}
