import type { ComputeResource } from "@azure/arm-machinelearning";
import { classifyAzureError, type StepContext } from "@computeflow/core";
import { startWrite } from "@computeflow/compute-kit";

// Every Azure call of this plugin: @azure/arm-machinelearning 2.1.1 (api-version 2022-10-01),
// whose model has KubernetesCompute (core's 2021-07-01 client only knows the type name).
// Writes send their initial request only: core polls.

async function client(ctx: StepContext<unknown>) {
  const { AzureMachineLearningWorkspaces } = await import("@azure/arm-machinelearning");
  return new AzureMachineLearningWorkspaces(ctx.azure.credential, ctx.azure.subscriptionId, ctx.azure.clientOptions());
}

export async function getCompute(ctx: StepContext<unknown>, name: string): Promise<ComputeResource | undefined> {
  const ml = await client(ctx);
  try {
    return await ml.computeOperations.get(ctx.workspace.resourceGroup, ctx.workspace.name, name, { abortSignal: ctx.signal });
  } catch (error) {
    if (classifyAzureError(error).status === 404) return undefined;
    throw error;
  }
}

export async function beginAttach(ctx: StepContext<unknown>, name: string, body: Record<string, unknown>): Promise<void> {
  const ml = await client(ctx);
  await startWrite(() => ml.computeOperations.beginCreateOrUpdate(ctx.workspace.resourceGroup, ctx.workspace.name, name, body as ComputeResource, { abortSignal: ctx.signal }));
}

export async function beginDetach(ctx: StepContext<unknown>, name: string): Promise<void> {
  const ml = await client(ctx);
  await startWrite(() => ml.computeOperations.beginDelete(ctx.workspace.resourceGroup, ctx.workspace.name, name, "Detach", { abortSignal: ctx.signal }));
}
