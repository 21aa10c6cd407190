import type { Reply } from "../arm/arm-error.js";
import type { RequestContext } from "../http/context.js";
import type { WorkspaceState } from "../state/emulator-state.js";
import { requireWorkspace } from "./lookup.js";

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
