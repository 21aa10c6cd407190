import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { describeAzureError, type ArmRequest, type BodyContext, type StepContext } from "@computeflow/core";
import { armRequest, computePath, ML_API_VERSION, putCompute as put } from "@computeflow/compute-kit";

export { ML_API_VERSION };

export async function workspaceLocation(ctx: StepContext<unknown>): Promise<string | undefined> {
  return (await ctx.azure.reads.workspace(ctx.workspace)).location;
}

/**
 * The attach PUT every attach target sends (api-version 2021-07-01): the compute named by the
 * step, in the workspace's region when it is known. `body(input, ctx)` of each attach action
 * returns this, and its apply sends exactly it.
 */
export function attachPut(ctx: BodyContext, compute: { properties: Record<string, unknown> }): ArmRequest {
  return { method: "PUT", path: computePath(ctx.workspace, ctx.computeName), apiVersion: ML_API_VERSION, body: { ...(ctx.location ? { location: ctx.location } : {}), ...compute } };
}

/**
 * Sends an attach request (initial request only: core polls): through the typed SDK, or
 * `raw` for a compute type the typed SDK does not know (it drops that type's `properties`).
 */
export async function sendAttach(ctx: StepContext<unknown>, request: ArmRequest, raw = false): Promise<void> {
  if (!raw) return put(ctx, ctx.step.name, request.body as ComputeResource);
  const reply = await armRequest(ctx, request.method as "PUT" | "POST", request.path, request.apiVersion, request.body);
  if (reply.error) {
    throw describeAzureError({ statusCode: reply.status, details: { error: reply.error } }, `attaching ${ctx.step.name}`);
  }
}
