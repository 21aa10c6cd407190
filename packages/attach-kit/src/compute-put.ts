import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { describeAzureError, type StepContext } from "@computeflow/core";
import { armRequest, putCompute as put } from "@computeflow/compute-kit";

export const ML_API_VERSION = "2021-07-01";

export async function workspaceLocation(ctx: StepContext<unknown>): Promise<string | undefined> {
  return (await ctx.azure.reads.workspace(ctx.workspace)).location;
}

/** The one attach write, through the typed SDK (initial request only: core polls). */
export async function putCompute(ctx: StepContext<unknown>, body: ComputeResource): Promise<void> {
  await put(ctx, ctx.step.name, body);
}

/** The same write sent raw, for a compute type the typed SDK does not know (it drops `properties`). */
export async function putComputeRaw(ctx: StepContext<unknown>, body: Record<string, unknown>): Promise<void> {
  const w = ctx.workspace;
  const path = `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${w.name}/computes/${ctx.step.name}`;
  const reply = await armRequest(ctx, "PUT", path, ML_API_VERSION, body);
  if (reply.error) {
    throw describeAzureError({ statusCode: reply.status, details: { error: reply.error } }, `attaching ${ctx.step.name}`);
  }
}
