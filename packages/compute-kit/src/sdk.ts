import type { ComputeResource, Usage, VirtualMachineSize } from "@azure/arm-machinelearningservices";
import { classifyAzureError, computePath, describeAzureError, ML_API_VERSION, restErrorOf, type ArmSendReply, type StepContext } from "@computeflow/core";

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
  succeeded(await ctx.azure.send({ method: "PUT", path: computePath(ctx.workspace, name), apiVersion: ML_API_VERSION, body }, ctx.signal), doing);
}

/**
 * DELETE a compute: "Delete" removes what the workspace made, "Detach" only the attachment.
 * The initial request only, as putCompute: the SDK's beginDelete polls the operation once more
 * before it returns (`await poller.poll()` in @azure/arm-machinelearningservices 5.0.1,
 * src/operations/computeOperations.ts), a GET core's poller makes redundant.
 */
export async function removeCompute(ctx: StepContext<unknown>, name: string, action: "Delete" | "Detach", doing?: string): Promise<void> {
  const request = { method: "DELETE", path: computePath(ctx.workspace, name), apiVersion: ML_API_VERSION, query: { underlyingResourceAction: action } } as const;
  succeeded(await ctx.azure.send(request, ctx.signal), doing);
}

/** An ARM error reply, classified as the SDK's RestError would be, its message prefixed by `doing` when given. */
function succeeded(reply: ArmSendReply, doing: string | undefined): void {
  if (reply.status < 400) return;
  const error = restErrorOf(reply);
  throw doing === undefined ? classifyAzureError(error) : describeAzureError(error, doing);
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
