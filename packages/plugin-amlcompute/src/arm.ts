import type { ComputeResource, ScaleSettings, Usage, VirtualMachineSize } from "@azure/arm-machinelearningservices";
import { classifyAzureError, type StepContext } from "@computeflow/core";

// Every Azure call of this plugin. Writes send their initial request only: core polls.

export async function workspaceLocation(ctx: StepContext<unknown>): Promise<string> {
  const ml = await ctx.azure.ml();
  const ws = await ml.workspaces.get(ctx.workspace.resourceGroup, ctx.workspace.name);
  return ws.location ?? "";
}

export async function getCompute(ctx: StepContext<unknown>, name: string): Promise<ComputeResource | undefined> {
  const ml = await ctx.azure.ml();
  try {
    return await ml.computeOperations.get(ctx.workspace.resourceGroup, ctx.workspace.name, name, { abortSignal: ctx.signal });
  } catch (error) {
    if (classifyAzureError(error).status === 404) return undefined;
    throw error;
  }
}

export async function listVmSizes(ctx: StepContext<unknown>, location: string): Promise<VirtualMachineSize[]> {
  const ml = await ctx.azure.ml();
  const result = await ml.virtualMachineSizes.list(location, { abortSignal: ctx.signal });
  return result.value ?? [];
}

export async function listUsages(ctx: StepContext<unknown>, location: string): Promise<Usage[]> {
  const ml = await ctx.azure.ml();
  const out: Usage[] = [];
  for await (const usage of ml.usages.list(location, { abortSignal: ctx.signal })) out.push(usage);
  return out;
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
