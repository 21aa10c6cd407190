import type { ComputeResource, ScaleSettings, Usage, VirtualMachineSize } from "@azure/arm-machinelearningservices";
import type { StepContext } from "@computeflow/core";

// Every Azure call of this plugin. Writes send their initial request only: core polls.
// Reads go through the run's shared reads: one request per workspace or region per run.

export async function workspaceLocation(ctx: StepContext<unknown>): Promise<string> {
  return (await ctx.azure.reads.workspace(ctx.workspace)).location ?? "";
}

export async function getCompute(ctx: StepContext<unknown>, name: string): Promise<ComputeResource | undefined> {
  return ctx.azure.reads.compute(ctx.workspace, name);
}

export async function listVmSizes(ctx: StepContext<unknown>, location: string): Promise<VirtualMachineSize[]> {
  return ctx.azure.reads.vmSizes(location);
}

/** Regional usages, with what other steps of this run have claimed already counted as used. */
export async function listUsages(ctx: StepContext<unknown>, location: string): Promise<Usage[]> {
  return ctx.azure.reads.usages(location);
}

export async function beginCreateOrUpdate(ctx: StepContext<unknown>, name: string, body: ComputeResource): Promise<void> {
  const ml = await ctx.azure.ml();
  await ml.computeOperations.beginCreateOrUpdate(ctx.workspace.resourceGroup, ctx.workspace.name, name, body, { abortSignal: ctx.signal });
}

export async function beginScale(ctx: StepContext<unknown>, name: string, scaleSettings: ScaleSettings): Promise<void> {
  const ml = await ctx.azure.ml();
  await ml.computeOperations.beginUpdate(ctx.workspace.resourceGroup, ctx.workspace.name, name, { properties: { scaleSettings } }, { abortSignal: ctx.signal });
}

export async function beginDelete(ctx: StepContext<unknown>, name: string): Promise<void> {
  const ml = await ctx.azure.ml();
  await ml.computeOperations.beginDelete(ctx.workspace.resourceGroup, ctx.workspace.name, name, "Delete", { abortSignal: ctx.signal });
}
