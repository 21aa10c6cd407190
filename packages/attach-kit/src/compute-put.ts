import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { ArmRequest, BodyContext, StepContext } from "@computeflow/core";
import { computePath, ML_API_VERSION, putCompute as put } from "@computeflow/compute-kit";

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
 * Sends an attach request (initial request only: core polls), exactly as body() built it.
 * With `raw`, ARM's error names the attach ("attaching NAME: ..."), as Batch's always has.
 */
export async function sendAttach(ctx: StepContext<unknown>, request: ArmRequest, raw = false): Promise<void> {
  await put(ctx, ctx.step.name, request.body as ComputeResource, raw ? `attaching ${ctx.step.name}` : undefined);
}
