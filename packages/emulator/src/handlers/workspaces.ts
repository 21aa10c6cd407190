import type { Reply } from "../arm/arm-error.js";
import type { RequestContext } from "../http/context.js";
import type { WorkspaceState } from "../state/emulator-state.js";
import { requireResourceGroup, requireSubscription, requireWorkspace } from "./lookup.js";

export function workspaceBody(ws: WorkspaceState, tenant: string): Record<string, unknown> {
  const scope = `/subscriptions/${ws.subscription}/resourceGroups/${ws.resourceGroup}/providers`;
  return {
    id: ws.id,
    name: ws.name,
    type: "Microsoft.MachineLearningServices/workspaces",
    location: ws.location,
    tags: {},
    sku: { name: "Basic", tier: "Basic" },
    identity: { type: "SystemAssigned", principalId: "00000000-0000-0000-0000-00000000bbbb", tenantId: tenant },
    properties: {
      workspaceId: "00000000-0000-0000-0000-00000000cccc",
      friendlyName: ws.name,
      provisioningState: "Succeeded",
      discoveryUrl: `https://${ws.location}.api.azureml.ms/discovery`,
      storageAccount: `${scope}/Microsoft.Storage/storageAccounts/${ws.name.replace(/[^a-z0-9]/gi, "")}storage`,
      keyVault: `${scope}/Microsoft.KeyVault/vaults/${ws.name}-kv`,
      applicationInsights: `${scope}/Microsoft.Insights/components/${ws.name}-ai`,
      hbiWorkspace: false,
      allowPublicAccessWhenBehindVnet: false,
      publicNetworkAccess: "Enabled",
    },
  };
}

export function getWorkspace(ctx: RequestContext): Reply {
  return { status: 200, body: workspaceBody(requireWorkspace(ctx), ctx.state.world.tenant_id) };
}

/** Workspaces of a subscription, or of one resource group when the route names it. */
export function listWorkspaces(ctx: RequestContext): Reply {
  const sub = requireSubscription(ctx);
  const rg = ctx.params.resourceGroupName;
  if (rg !== undefined) requireResourceGroup(ctx);
  const value = [...ctx.state.workspaces.values()]
    .filter((ws) => ws.subscription.toLowerCase() === sub.toLowerCase())
    .filter((ws) => rg === undefined || ws.resourceGroup.toLowerCase() === rg.toLowerCase())
    .map((ws) => workspaceBody(ws, ctx.state.world.tenant_id));
  return { status: 200, body: { value } };
}
