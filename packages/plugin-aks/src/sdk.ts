import { describeAzureError, type StepContext } from "@computeflow/core";
import type { AksComputeBody } from "./payload.js";

/** Every Azure call of this plugin. None waits for an operation: core's poller does. */

export async function getCompute(ctx: StepContext<unknown>): Promise<unknown | undefined> {
  const ml = await ctx.azure.ml();
  try {
    return await ml.computeOperations.get(ctx.workspace.resourceGroup, ctx.workspace.name, ctx.step.name, { abortSignal: ctx.signal });
  } catch (error) {
    const failure = describeAzureError(error, `reading compute ${ctx.step.name}`);
    if (failure.status === 404) return undefined;
    throw failure;
  }
}

export async function workspaceLocation(ctx: StepContext<unknown>): Promise<string> {
  const ml = await ctx.azure.ml();
  try {
    const ws = await ml.workspaces.get(ctx.workspace.resourceGroup, ctx.workspace.name, { abortSignal: ctx.signal });
    return ws.location ?? "";
  } catch (error) {
    throw describeAzureError(error, `reading workspace ${ctx.workspace.name}`);
  }
}

/** Starts the PUT (create, update or attach); the returned poller is dropped on purpose. */
export async function putCompute(ctx: StepContext<unknown>, body: AksComputeBody): Promise<void> {
  const ml = await ctx.azure.ml();
  try {
    await ml.computeOperations.beginCreateOrUpdate(ctx.workspace.resourceGroup, ctx.workspace.name, ctx.step.name, body as never, { abortSignal: ctx.signal });
  } catch (error) {
    throw describeAzureError(error, `${body.properties.resourceId ? "attaching" : "creating"} AKS compute ${ctx.step.name}`);
  }
}

/** Starts a DELETE: "Detach" keeps the AKS cluster, "Delete" removes it. */
export async function removeCompute(ctx: StepContext<unknown>, action: "Delete" | "Detach"): Promise<void> {
  const ml = await ctx.azure.ml();
  try {
    await ml.computeOperations.beginDelete(ctx.workspace.resourceGroup, ctx.workspace.name, ctx.step.name, action, { abortSignal: ctx.signal });
  } catch (error) {
    const failure = describeAzureError(error, `${action === "Detach" ? "detaching" : "deleting"} AKS compute ${ctx.step.name}`);
    if (failure.status === 404) return;
    throw failure;
  }
}

/** vCPUs of `size` in `location`, or undefined when the region does not offer it. */
export async function vmSizeCores(ctx: StepContext<unknown>, location: string, size: string): Promise<number | undefined> {
  const ml = await ctx.azure.ml();
  try {
    const sizes = await ml.virtualMachineSizes.list(location, { abortSignal: ctx.signal });
    return sizes.value?.find((s) => s.name?.toLowerCase() === size.toLowerCase())?.vCPUs ?? undefined;
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
