import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { classifyAzureError, type StepContext } from "@computeflow/core";
import { startWrite } from "@computeflow/compute-kit";

// The instance-only Azure calls; get/create/delete/pre-flight are plugin-amlcompute's.

export interface WorkspaceInfo {
  location: string;
  workspaceId: string;
  armId: string;
}

export async function workspaceInfo(ctx: StepContext<unknown>): Promise<WorkspaceInfo> {
  const ws = await ctx.azure.reads.workspace(ctx.workspace);
  return { location: ws.location ?? "", workspaceId: ws.workspaceId ?? "", armId: ws.id ?? "" };
}

/**
 * Compute instances named `name` in the subscription's other workspaces of `location`.
 * Undefined when the workspaces cannot be listed (no permission, or an endpoint without
 * the route): the create then meets the rule as ARM's ComputeInstanceNameNotAvailable.
 */
export async function instancesElsewhere(ctx: StepContext<unknown>, name: string, location: string): Promise<ComputeResource[] | undefined> {
  try {
    return await scanWorkspaces(ctx, name, location);
  } catch (error) {
    const status = classifyAzureError(error).status;
    if (status === 403 || status === 404) return undefined;
    throw error;
  }
}

async function scanWorkspaces(ctx: StepContext<unknown>, name: string, location: string): Promise<ComputeResource[]> {
  const ml = await ctx.azure.ml();
  const region = location.toLowerCase().replace(/\s+/g, "");
  const found: ComputeResource[] = [];
  for await (const ws of ml.workspaces.listBySubscription({ abortSignal: ctx.signal })) {
    if ((ws.location ?? "").toLowerCase().replace(/\s+/g, "") !== region || ws.name === undefined || ws.id === undefined) continue;
    const group = /\/resourceGroups\/([^/]+)\//i.exec(ws.id)?.[1];
    if (group === undefined || (group.toLowerCase() === ctx.workspace.resourceGroup.toLowerCase() && ws.name.toLowerCase() === ctx.workspace.name.toLowerCase())) continue;
    for await (const compute of ml.computeOperations.list(group, ws.name, { abortSignal: ctx.signal })) {
      if (compute.name?.toLowerCase() === name.toLowerCase() && compute.properties?.computeType === "ComputeInstance") found.push(compute);
    }
  }
  return found;
}

export type PowerAction = "start" | "stop" | "restart";

export async function beginPower(ctx: StepContext<unknown>, name: string, action: PowerAction): Promise<void> {
  const ml = await ctx.azure.ml();
  const ops = ml.computeOperations;
  const args = [ctx.workspace.resourceGroup, ctx.workspace.name, name, { abortSignal: ctx.signal }] as const;
  await startWrite(() => (action === "start" ? ops.beginStart(...args) : action === "stop" ? ops.beginStop(...args) : ops.beginRestart(...args)));
}
