import { fail, notFound } from "../arm/arm-error.js";
import type { RequestContext } from "../http/context.js";
import type { WorkspaceState } from "../state/emulator-state.js";
import type { ComputeRecord } from "../state/compute-record.js";

export function requireSubscription(ctx: RequestContext): string {
  const sub = ctx.params.subscriptionId ?? "";
  if (!ctx.state.subscriptions.has(sub.toLowerCase())) {
    fail(404, "SubscriptionNotFound", `The subscription '${sub}' could not be found.`);
  }
  return sub;
}

export function requireResourceGroup(ctx: RequestContext): void {
  const sub = requireSubscription(ctx);
  const rg = ctx.params.resourceGroupName ?? "";
  if (!ctx.state.resourceGroup(sub, rg)) fail(404, "ResourceGroupNotFound", `Resource group '${rg}' could not be found.`);
}

export function requireWorkspace(ctx: RequestContext): WorkspaceState {
  requireResourceGroup(ctx);
  const { subscriptionId, resourceGroupName, workspaceName } = ctx.params as Record<string, string>;
  const ws = ctx.state.workspace(subscriptionId!, resourceGroupName!, workspaceName!);
  if (!ws) notFound("Microsoft.MachineLearningServices/workspaces", workspaceName!, resourceGroupName!);
  return ws;
}

export function findCompute(ws: WorkspaceState, name: string): ComputeRecord | undefined {
  const record = ws.computes.get(name.toLowerCase());
  return record && !record.deleted ? record : undefined;
}

export function requireCompute(ctx: RequestContext): [WorkspaceState, ComputeRecord] {
  const ws = requireWorkspace(ctx);
  const name = ctx.params.computeName ?? "";
  const record = findCompute(ws, name);
  if (!record) notFound(`Microsoft.MachineLearningServices/workspaces/${ws.name}/computes`, name, ws.resourceGroup);
  return [ws, record];
}
