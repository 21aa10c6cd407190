import type { ComputeResource, Usage, VirtualMachineSize } from "@azure/arm-machinelearningservices";
import { classifyAzureError, describeAzureError, type StepContext } from "@computeflow/core";
import { computePath, ML_API_VERSION } from "./compute-path.js";
import { startWrite } from "./lro-start.js";

// The Azure ML compute calls every compute plugin shares. Writes send their initial request
// only: core's poller watches the compute afterwards. Reads go through the run's shared
// reads: one request per workspace or region per run.

/** The workspace's region: where a compute is created and where sizes and quota are read. */
export async function workspaceLocation(ctx: StepContext<unknown>): Promise<string> {
  return (await ctx.azure.reads.workspace(ctx.workspace)).location ?? "";
}

/** The compute, or undefined when the workspace has none by that name. */
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

/**
 * PUT a compute (create, attach, or update in place): the initial request only, `body` sent as
 * the JSON it is, exactly as an action's body() built it (the ARM engine's template carries the
 * same JSON). Not the SDK's begin*: it would poll once more per write (an operation-status GET
 * core's poller makes redundant, 200 of them for 200 creates), and re-serialise the body
 * through its 2021-07-01 model. An ARM error is classified as the SDK's RestError would be,
 * its message prefixed by `doing` when given ("attaching gpu").
 */
export async function putCompute(ctx: StepContext<unknown>, name: string, body: ComputeResource, doing?: string): Promise<void> {
  const reply = await ctx.azure.send({ method: "PUT", path: computePath(ctx.workspace, name), apiVersion: ML_API_VERSION, body }, ctx.signal);
  if (reply.status < 400) return;
  const error = { statusCode: reply.status, body: reply.bodyAsText, message: `HTTP ${reply.status}` };
  throw doing === undefined ? classifyAzureError(error) : describeAzureError(error, doing);
}

/** DELETE a compute: "Delete" removes what the workspace made, "Detach" only the attachment. */
export async function removeCompute(ctx: StepContext<unknown>, name: string, action: "Delete" | "Detach"): Promise<void> {
  const ml = await ctx.azure.ml();
  await startWrite(() => ml.computeOperations.beginDelete(ctx.workspace.resourceGroup, ctx.workspace.name, name, action, { abortSignal: ctx.signal }));
}

/** A fresh GET of the compute (every field, not the run's shared list); undefined on 404. */
export async function readCompute(ctx: StepContext<unknown>, name: string): Promise<ComputeResource | undefined> {
  const ml = await ctx.azure.ml();
  try {
    return await ml.computeOperations.get(ctx.workspace.resourceGroup, ctx.workspace.name, name, { abortSignal: ctx.signal });
  } catch (error) {
    if (classifyAzureError(error).status === 404) return undefined;
    throw error;
  }
}
